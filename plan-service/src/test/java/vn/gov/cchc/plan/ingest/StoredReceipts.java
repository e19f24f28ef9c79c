package vn.gov.cchc.plan.ingest;

import java.time.Duration;
import java.util.List;

import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.jspecify.annotations.Nullable;

import org.springframework.data.mongodb.core.MongoTemplate;

import static org.awaitility.Awaitility.await;

/**
 * What the store holds of the receipts, read the way a test may (scanning the journal):
 * the claim of an event id as it was written, whether its acknowledgement was written,
 * and how many claims there are.
 */
public final class StoredReceipts {

	/** The receipt journal's collection ({@code ReceiptJournal.COLLECTION}). */
	public static final String JOURNAL = "progress_receipt_journal";

	private StoredReceipts() {
	}

	/**
	 * The claim of the event id as the journal holds it, with {@code status} set to
	 * {@code RECORDED} once its acknowledgement is written.
	 */
	public static @Nullable Document claim(MongoDatabase store, String eventId) {
		for (Document written : store.getCollection(JOURNAL).find()) {
			for (Document claim : written.getList("claims", Document.class, List.of())) {
				if (eventId.equals(claim.get("_id"))) {
					Document found = new Document(claim);
					if (written.getList("recorded", String.class, List.of()).contains(eventId)) {
						found.put("status", "RECORDED");
					}
					return found;
				}
			}
		}
		return null;
	}

	/**
	 * The ids of the retractions claimed for a report (a report's withdrawal is kept by
	 * the retraction's own claim).
	 */
	public static List<String> retractionsOf(MongoDatabase store, String eventId) {
		List<String> retractions = new java.util.ArrayList<>();
		for (Document written : store.getCollection(JOURNAL).find()) {
			for (Document claim : written.getList("claims", Document.class, List.of())) {
				if ("RETRACTION".equals(claim.get("kind")) && eventId.equals(claim.get("refersTo"))) {
					retractions.add(claim.getString("_id"));
				}
			}
		}
		return retractions;
	}

	/** The journal document that holds the claim of the event id. */
	public static @Nullable Document documentOf(MongoDatabase store, String eventId) {
		for (Document written : store.getCollection(JOURNAL).find()) {
			for (Document claim : written.getList("claims", Document.class, List.of())) {
				if (eventId.equals(claim.get("_id"))) {
					return written;
				}
			}
		}
		return null;
	}

	/** How many journal documents hold claims of event ids with the prefix. */
	public static long documentsWithClaimsOf(MongoDatabase store, String prefix) {
		long documents = 0;
		for (Document written : store.getCollection(JOURNAL).find()) {
			if (written.getList("claims", Document.class, List.of())
				.stream()
				.anyMatch((claim) -> claim.getString("_id").startsWith(prefix))) {
				documents++;
			}
		}
		return documents;
	}

	/**
	 * The receipt of the event id as a restarted service reads it from the store: the
	 * claim, recorded once its acknowledgement is written, withdrawn by the first
	 * retraction claimed for it.
	 */
	static @Nullable ProgressReceipt read(MongoTemplate mongo, String eventId) {
		ProgressReceipt found = null;
		String retractedBy = null;
		for (Document written : mongo.getDb().getCollection(JOURNAL).find()) {
			for (Document claim : written.getList("claims", Document.class, List.of())) {
				if (found == null && eventId.equals(claim.get("_id"))) {
					found = mongo.getConverter().read(ProgressReceipt.class, claim);
					if (written.getList("recorded", String.class, List.of()).contains(eventId)) {
						found = found.recorded();
					}
				}
				if (retractedBy == null && "RETRACTION".equals(claim.get("kind"))
						&& eventId.equals(claim.get("refersTo"))) {
					retractedBy = claim.getString("_id");
				}
			}
		}
		return (found != null && retractedBy != null) ? found.retractedBy(retractedBy) : found;
	}

	/** {@link #read}, once the acknowledgement of its event is written. */
	static ProgressReceipt readRecorded(MongoTemplate mongo, String eventId) {
		return await().atMost(Duration.ofSeconds(10))
			.until(() -> read(mongo, eventId), (receipt) -> receipt != null && receipt.isRecorded());
	}

	/** How many claims the journal holds. */
	public static long count(MongoDatabase store) {
		long claims = 0;
		for (Document written : store.getCollection(JOURNAL).find()) {
			claims += written.getList("claims", Document.class, List.of()).size();
		}
		return claims;
	}

}
