package vn.gov.cchc.plan.ingest;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Receipts of accepted {@code eventId}s. Each operation touches one document by its id
 * (or sets the status of several, each on its own), so MongoDB's single-document
 * atomicity is all it needs.
 */
@Repository
class ProgressReceipts {

	static final String COLLECTION = "progress_receipts";

	private final MongoTemplate mongo;

	ProgressReceipts(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	Optional<ProgressReceipt> find(String eventId) {
		return Optional.ofNullable(this.mongo.findById(eventId, ProgressReceipt.class));
	}

	/** The receipts among the given ids, by id: one query for a whole batch. */
	Map<String, ProgressReceipt> findAll(Collection<String> eventIds) {
		if (eventIds.isEmpty()) {
			return Map.of();
		}
		return this.mongo.find(query(where("_id").in(eventIds)), ProgressReceipt.class)
			.stream()
			.collect(Collectors.toMap(ProgressReceipt::eventId, Function.identity()));
	}

	/**
	 * Claims an {@code eventId} for a report about to be published.
	 * @return {@code false} if another request claimed it first
	 */
	boolean claim(ProgressReceipt pending) {
		try {
			this.mongo.insert(pending);
			return true;
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
	}

	void markRecorded(ProgressReceipt receipt) {
		this.mongo.updateFirst(query(where("_id").is(receipt.eventId())),
				Update.update("status", ProgressReceipt.Status.RECORDED), ProgressReceipt.class);
	}

	/** Marks the receipts of a batch whose events the broker acknowledged. */
	void markAllRecorded(Collection<String> eventIds) {
		if (!eventIds.isEmpty()) {
			this.mongo.updateMulti(query(where("_id").in(eventIds)),
					Update.update("status", ProgressReceipt.Status.RECORDED), ProgressReceipt.class);
		}
	}

	/**
	 * Gives up a claim whose event was never published, so that it leaves no trace.
	 */
	void release(ProgressReceipt claim) {
		this.mongo.remove(query(where("_id").is(claim.eventId())
			.and("status")
			.is(ProgressReceipt.Status.PENDING)
			.and("bodyHash")
			.is(claim.bodyHash())), ProgressReceipt.class);
	}

	/**
	 * Records that a report is withdrawn, unless another retraction already withdrew it.
	 * A retry of the same retraction finds its own id there and succeeds again.
	 * @return {@code false} if the report is withdrawn by another retraction
	 */
	boolean markRetracted(String eventId, String retractionEventId) {
		return this.mongo
			.updateFirst(
					query(where("_id").is(eventId)
						.orOperator(where("retractedBy").is(null), where("retractedBy").is(retractionEventId))),
					Update.update("retractedBy", retractionEventId), ProgressReceipt.class)
			.getMatchedCount() > 0;
	}

}
