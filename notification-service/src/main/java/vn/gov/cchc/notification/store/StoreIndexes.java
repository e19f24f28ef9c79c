package vn.gov.cchc.notification.store;

import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexInfo;
import org.springframework.data.mongodb.core.index.IndexOperations;

/**
 * The indexes of the service's collections, made when their repository is, before any
 * consumer or dispatcher round runs.
 */
public final class StoreIndexes {

	private static final Logger logger = LoggerFactory.getLogger(StoreIndexes.class);

	private StoreIndexes() {
	}

	public static Index of(String... fields) {
		Index index = new Index().named(String.join("_", fields).replace("_id", "id"));
		for (String field : fields) {
			index.on(field, Sort.Direction.ASC);
		}
		return index;
	}

	/**
	 * Drops indexes that earlier versions made, if they are there. Each was the
	 * collection's id with the fields a conditional update names, which only the
	 * development store needed before it found a document by its id whatever else the
	 * filter named; kept, they would cost every write of the collection.
	 */
	public static void retire(MongoTemplate mongo, Class<?> type, String... names) {
		try {
			IndexOperations indexes = mongo.indexOps(type);
			Set<String> present = indexes.getIndexInfo().stream().map(IndexInfo::getName).collect(Collectors.toSet());
			for (String name : names) {
				if (present.contains(name)) {
					indexes.dropIndex(name);
				}
			}
		}
		catch (DataAccessException ex) {
			logger.warn("Could not drop the old indexes of {}: {}", type.getSimpleName(), ex.getMessage());
		}
	}

	public static void create(MongoTemplate mongo, Class<?> type, Index... indexes) {
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
