import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * What the local store takes through the official driver, one shape of write at a time:
 * the limit beside the store-bound figures of docs/benchmarks.md. Each shape is one the
 * services use: single inserts and inserts in bulk (receipts, reminders), updates by id
 * and conditional updates by id and state (the reminders' claims and sends), and upserts
 * of month documents of 124 cells and updates of one of their cells (report-service's
 * figures).
 */
public class StoreBench {

	public static void main(String[] args) {
		Map<String, String> options = new HashMap<>();
		for (String arg : args) {
			String[] pair = arg.replaceFirst("^--", "").split("=", 2);
			options.put(pair[0], (pair.length > 1) ? pair[1] : "true");
		}
		int documents = Integer.parseInt(options.getOrDefault("documents", "10000"));
		int batch = Integer.parseInt(options.getOrDefault("batch", "500"));
		try (MongoClient client = MongoClients.create(options.get("uri"))) {
			MongoDatabase database = client.getDatabase("store-bench");
			database.drop();
			System.out.println();
			System.out.printf("| write (%d documents in the collection at the end, bulk of %d) | count | s | per s |%n",
					documents, batch);
			System.out.println("|---|---:|---:|---:|");
			MongoCollection<Document> plain = database.getCollection("plain");
			int singles = documents / 5;
			measure("insertOne", singles, () -> {
				for (int i = 0; i < singles; i++) {
					plain.insertOne(reminder("s" + i));
				}
			});
			measure("insertMany", documents, () -> {
				for (int from = 0; from < documents; from += batch) {
					List<Document> many = new ArrayList<>();
					for (int i = from; i < Math.min(documents, from + batch); i++) {
						many.add(reminder("m" + i));
					}
					plain.insertMany(many, new InsertManyOptions().ordered(false));
				}
			});
			measure("updateOne by _id", singles, () -> {
				for (int i = 0; i < singles; i++) {
					plain.updateOne(Filters.eq("_id", "m" + i), Updates.set("state", "CLAIMED"));
				}
			});
			measure("bulkWrite of updates by _id", documents, () -> bulk(plain, documents, batch,
					(i) -> Filters.eq("_id", "m" + i), Updates.set("state", "SENT")));
			measure("updateOne on {_id, state}", singles, () -> {
				for (int i = 0; i < singles; i++) {
					plain.updateOne(Filters.and(Filters.eq("_id", "m" + i), Filters.eq("state", "SENT")),
							Updates.set("state", "CANCELLED"));
				}
			});
			measure("bulkWrite of updates on {_id, state}", documents, () -> bulk(plain, documents, batch,
					(i) -> Filters.and(Filters.eq("_id", "m" + i), Filters.in("state", "SENT", "CANCELLED")),
					Updates.set("state", "SCHEDULED")));
			MongoCollection<Document> figures = database.getCollection("figures");
			int months = Math.max(batch, documents / 5);
			List<Bson> cells = new ArrayList<>();
			for (int day = 1; day <= 31; day++) {
				for (int activity = 1; activity <= 4; activity++) {
					cells.add(Updates.set("cells.d%02d.a%d".formatted(day, activity),
							new Document("count", day).append("value", day * 1.5).append("version", 3L)));
				}
			}
			Bson month = Updates.combine(cells);
			measure("bulkWrite of upserts of 124-cell month documents", months,
					() -> bulk(figures, months, batch, (i) -> Filters.eq("_id", "27:KH:" + i), month));
			measure("the same month documents again (updates)", months,
					() -> bulk(figures, months, batch, (i) -> Filters.eq("_id", "27:KH:" + i), month));
			// What the read model mostly writes under a steady load: one changed cell of a
			// full month document, and its version.
			Bson oneCell = Updates.combine(Updates.set("cells.d15.a2", new Document("count", 7).append("value", 9.5)),
					Updates.set("version", 4L));
			measure("one cell of each of those month documents (updates)", months,
					() -> bulk(figures, months, batch, (i) -> Filters.eq("_id", "27:KH:" + i), oneCell));
		}
	}

	private static Document reminder(String id) {
		return new Document("_id", id).append("state", "SCHEDULED")
			.append("submissionId", "KH-2026:2026-Q1:" + id)
			.append("unitCode", "25" + id)
			.append("rule", "D-1")
			.append("channel", "EMAIL")
			.append("sendAt", new java.util.Date());
	}

	private static void bulk(MongoCollection<Document> collection, int count, int batch,
			java.util.function.IntFunction<Bson> filter, Bson update) {
		for (int from = 0; from < count; from += batch) {
			List<WriteModel<Document>> writes = new ArrayList<>();
			for (int i = from; i < Math.min(count, from + batch); i++) {
				writes.add(new UpdateOneModel<>(filter.apply(i), update, new UpdateOptions().upsert(true)));
			}
			collection.bulkWrite(writes, new BulkWriteOptions().ordered(false));
		}
	}

	private static void measure(String what, int count, Runnable work) {
		long start = System.nanoTime();
		work.run();
		double seconds = (System.nanoTime() - start) / 1e9;
		System.out.printf("| %s | %d | %.2f | %,.0f |%n", what, count, seconds, count / seconds);
	}

}
