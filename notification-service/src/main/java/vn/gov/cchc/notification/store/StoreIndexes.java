package vn.gov.cchc.notification.reminder;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;

/**
 * The indexes of the reminder collections, made when their repository is, before any
 * consumer or dispatcher round runs.
 */
final class StoreIndexes {

	private static final Logger logger = LoggerFactory.getLogger(StoreIndexes.class);

	private StoreIndexes() {
	}

	static Index unique(String... fields) {
		return of(fields).unique();
	}

	static Index of(String... fields) {
		Index index = new Index().named(String.join("_", fields).replace("_id", "id"));
		for (String field : fields) {
			index.on(field, Sort.Direction.ASC);
		}
		return index;
	}

	static void create(MongoTemplate mongo, Class<?> type, Index... indexes) {
		try {
			for (Index index : indexes) {
				mongo.indexOps(type).createIndex(index);
			}
		}
		catch (DataAccessException ex) {
			// Everything stays correct without them, only slower; the next start tries
			// again.
			logger.warn("Could not create the indexes of {}: {}", type.getSimpleName(), ex.getMessage());
		}
	}

}
