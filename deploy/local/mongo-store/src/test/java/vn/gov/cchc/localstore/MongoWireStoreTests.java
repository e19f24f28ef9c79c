package vn.gov.cchc.localstore;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.DocumentCodec;
import org.bson.types.ObjectId;
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
	void keepsEveryKindOfValueAndItsUniqueIndexesAcrossARestart() {
		Path file = this.folder.resolve("store.mv.db");
		ObjectId reference = new ObjectId();
		Document month = new Document("_id", "27:KH-1:2026-03").append("version", 7L)
			.append("figures", new Document("d05", new Document("a1", List.of(1, 2.5, "ba"))))
			.append("at", Date.from(Instant.parse("2026-03-05T01:02:03Z")))
			.append("reference", reference)
			.append("note", null)
			.append("approved", true);
		try (MongoWireStore store = MongoWireStore.start(file, 0);
				MongoClient client = MongoClients.create(store.connectionString())) {
			MongoCollection<Document> reminders = client.getDatabase("cchc-notification").getCollection("reminders");
			reminders.createIndex(Indexes.ascending("_id", "state"), new IndexOptions().unique(true));
			reminders.createIndex(Indexes.ascending("unitCode", "rule"), new IndexOptions().unique(true));
			reminders.insertOne(new Document("_id", "r1").append("state", "SCHEDULED")
				.append("unitCode", "25999")
				.append("rule", "D-1"));
			units(client).insertOne(month);
		}
		try (MongoWireStore store = MongoWireStore.start(file, 0);
				MongoClient client = MongoClients.create(store.connectionString())) {
			MongoCollection<Document> reminders = client.getDatabase("cchc-notification").getCollection("reminders");
			assertThat(units(client).find(Filters.eq("_id", month.get("_id"))).first()).isEqualTo(month);
			assertThatException()
				.isThrownBy(() -> reminders.insertOne(new Document("_id", "r2").append("state", "SCHEDULED")
					.append("unitCode", "25999")
					.append("rule", "D-1")))
				.isInstanceOf(MongoWriteException.class)
				.withMessageContaining("duplicate key");
			// A conditional update finds its document by id and checks the rest.
			assertThat(reminders
				.updateOne(Filters.and(Filters.eq("_id", "r1"), Filters.eq("state", "CLAIMED")),
						Updates.set("state", "SENT"))
				.getMatchedCount()).isZero();
			assertThat(reminders
				.updateOne(Filters.and(Filters.eq("_id", "r1"), Filters.eq("state", "SCHEDULED")),
						Updates.set("state", "CLAIMED"))
				.getModifiedCount()).isOne();
			assertThat(reminders.find(Filters.eq("state", "CLAIMED")).first()).containsEntry("_id", "r1");
		}
	}

	@Test
	void findsDocumentsByAListOfIdsWithTheRestOfTheFilterApplied() {
		try (MongoWireStore store = MongoWireStore.start(this.folder.resolve("store.mv.db"), 0);
				MongoClient client = MongoClients.create(store.connectionString())) {
			MongoCollection<Document> submissions = client.getDatabase("cchc-report").getCollection("submissions");
			submissions.insertMany(List.of(new Document("_id", "s1").append("status", "DRAFT"),
					new Document("_id", "s2").append("status", "SUBMITTED"),
					new Document("_id", "s3").append("status", "APPROVED")));
			assertThat(submissions.find(Filters.in("_id", "s1", "s3", "absent", "s1")).map((found) -> found.get("_id")))
				.containsExactlyInAnyOrder("s1", "s3");
			assertThat(submissions
				.find(Filters.and(Filters.in("_id", "s1", "s2", "s3"), Filters.in("status", "SUBMITTED", "APPROVED")))
				.map((found) -> found.get("_id"))).containsExactlyInAnyOrder("s2", "s3");
		}
	}

	@Test
	void measuresACollectionsDataByTheBytesItKeeps() {
		try (MongoWireStore store = MongoWireStore.start(this.folder.resolve("store.mv.db"), 0);
				MongoClient client = MongoClients.create(store.connectionString())) {
			MongoCollection<Document> units = units(client);
			Document first = new Document("_id", "27").append("name", "Tỉnh Bắc Ninh");
			Document second = new Document("_id", "25").append("name", "Tỉnh Quảng Ngãi");
			units.insertMany(List.of(first, second));
			units.updateOne(Filters.eq("_id", "27"), Updates.set("code", "27"));
			units.deleteOne(Filters.eq("_id", "25"));
			Document stats = client.getDatabase("cchc-plan").runCommand(new Document("collStats", "units"));
			Document stored = new Document("_id", "27").append("name", "Tỉnh Bắc Ninh").append("code", "27");
			assertThat(((Number) stats.get("size")).longValue())
				.isEqualTo(new RawBsonDocument(stored, new DocumentCodec()).getByteBuffer().remaining());
		}
	}

	@Test
	void upgradesAFileWrittenBeforeTypedMapsAndKeepsTheOldOne() {
		Path file = this.folder.resolve("store.mv.db");
		H2Backend old = new H2Backend(file.toString());
		MongoServer server = new MongoServer(old);
		try {
			server.bind("127.0.0.1", 0);
			try (MongoClient client = MongoClients
				.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort())) {
				units(client).createIndex(Indexes.ascending("code", "validFrom"), new IndexOptions().unique(true));
				units(client)
					.insertOne(new Document("_id", "25").append("code", "25").append("validFrom", "2025-07-01"));
			}
		}
		finally {
			server.shutdownNow();
			old.close();
		}
		try (MongoWireStore store = MongoWireStore.start(file, 0);
				MongoClient client = MongoClients.create(store.connectionString())) {
			assertThat(units(client).find(Filters.eq("_id", "25")).first()).containsEntry("validFrom", "2025-07-01");
			assertThatException()
				.isThrownBy(() -> units(client)
					.insertOne(new Document("_id", "25b").append("code", "25").append("validFrom", "2025-07-01")))
				.isInstanceOf(MongoWriteException.class);
		}
		assertThat(this.folder.resolve("store.mv.db.before-typed")).isRegularFile();
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
