package vn.gov.cchc.localstore;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No write the driver was told succeeded is lost when the store's process is killed with
 * {@code kill -9}: the store runs in a child JVM, takes inserts and updates, and is
 * killed right after the last one is acknowledged; reopened on the same file, it has
 * every one of them.
 */
class StoreKillTests {

	@TempDir
	Path folder;

	@Test
	void keepsEveryAcknowledgedWriteThroughAKill9() throws Exception {
		Path file = this.folder.resolve("killed.mv.db");
		int port = freePort();
		Process store = startStore(file, port);
		List<String> acknowledged = new ArrayList<>();
		long counted = 0;
		try (MongoClient client = MongoClients.create(MongoClientSettings.builder()
			.applyConnectionString(new ConnectionString("mongodb://127.0.0.1:" + port))
			.applyToClusterSettings((cluster) -> cluster.serverSelectionTimeout(30, TimeUnit.SECONDS))
			.build())) {
			MongoCollection<Document> facts = client.getDatabase("cchc-kill").getCollection("facts");
			long until = System.nanoTime() + Duration.ofMillis(1500).toNanos();
			for (int i = 0; System.nanoTime() < until; i++) {
				String id = "f-" + i;
				facts.insertOne(new Document("_id", id).append("n", i));
				acknowledged.add(id);
				facts.updateOne(Filters.eq("_id", "total"), Updates.inc("count", 1), new UpdateOptions().upsert(true));
				counted++;
			}
		}
		finally {
			// SIGKILL: no shutdown hook, no close, no last commit.
			store.destroyForcibly();
			store.waitFor(30, TimeUnit.SECONDS);
		}

		try (MongoWireStore reopened = MongoWireStore.start(file, 0);
				MongoClient client = MongoClients.create(reopened.connectionString())) {
			MongoCollection<Document> facts = client.getDatabase("cchc-kill").getCollection("facts");
			assertThat(acknowledged).as("writes acknowledged before the kill").hasSizeGreaterThan(10);
			assertThat(facts.countDocuments(Filters.regex("_id", "^f-"))).as("inserts kept")
				.isEqualTo(acknowledged.size());
			assertThat(facts.find(Filters.eq("_id", "total")).first().getInteger("count")).as("increments kept")
				.isEqualTo((int) counted);
		}
	}

	private static Process startStore(Path file, int port) throws IOException, InterruptedException {
		ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-cp", System.getProperty("java.class.path"), MongoWireStore.class.getName(), file.toString());
		builder.environment().put("CCHC_MONGO_PORT", Integer.toString(port));
		builder.redirectErrorStream(true);
		builder.redirectOutput(file.resolveSibling("store.log").toFile());
		Process process = builder.start();
		long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (System.nanoTime() < until) {
			try (Socket socket = new Socket("127.0.0.1", port)) {
				return process;
			}
			catch (IOException ex) {
				Thread.sleep(100);
			}
		}
		process.destroyForcibly();
		throw new IllegalStateException("The store did not start");
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
