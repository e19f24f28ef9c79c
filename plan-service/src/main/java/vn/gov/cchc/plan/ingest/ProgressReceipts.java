package vn.gov.cchc.plan.ingest;

import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Receipts of accepted {@code eventId}s. Each operation touches one document by its id,
 * so MongoDB's single-document atomicity is all it needs.
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

}
