package vn.gov.cchc.testing;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MongoTestStoreTests {

	@Test
	void storeAnswersTheOfficialDriverAndKeepsWhatItWasGiven() {
		try (MongoClient client = MongoClients.create(MongoTestStore.connectionString())) {
			MongoCollection<Document> units = client.getDatabase("store-check").getCollection("units");
			units.insertOne(new Document("_id", "27").append("name", "Tỉnh Bắc Ninh"));
			assertThat(units.find(new Document("_id", "27")).first()).containsEntry("name", "Tỉnh Bắc Ninh");
		}
	}

	@Test
	void sameStoreForTheWholeJvm() {
		assertThat(MongoTestStore.connectionString()).isEqualTo(MongoTestStore.connectionString());
	}

}
