package vn.gov.cchc.localstore;

import java.nio.file.Path;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

class MongoWireStoreTests {

	@TempDir
	Path folder;

	@Test
	void keepsWhatItWasGivenAcrossARestartOnTheSameFile() {
		Path file = this.folder.resolve("nested/store.mv.db");
		try (MongoWireStore store = MongoWireStore.start(file, 0)) {
			assertThat(store.address().getAddress().isLoopbackAddress()).isTrue();
			try (MongoClient client = MongoClients.create(store.connectionString())) {
				units(client).insertOne(new Document("_id", "27").append("name", "Tỉnh Bắc Ninh"));
			}
		}
		assertThat(file).isRegularFile();
		try (MongoWireStore restarted = MongoWireStore.start(file, 0)) {
			try (MongoClient client = MongoClients.create(restarted.connectionString())) {
				assertThat(units(client).find(new Document("_id", "27")).first()).containsEntry("name",
						"Tỉnh Bắc Ninh");
			}
		}
	}

	@Test
	void refusesASecondStoreOnAFileThatIsInUse() {
		Path file = this.folder.resolve("store.mv.db");
		try (MongoWireStore store = MongoWireStore.start(file, 0)) {
			assertThatException().isThrownBy(() -> MongoWireStore.start(file, 0));
		}
	}

	private static MongoCollection<Document> units(MongoClient client) {
		return client.getDatabase("cchc-plan").getCollection("units");
	}

}
