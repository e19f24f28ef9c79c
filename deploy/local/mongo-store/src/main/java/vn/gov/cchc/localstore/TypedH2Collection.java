package vn.gov.cchc.localstore;

import java.util.List;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import org.h2.mvstore.MVMap;
import org.jspecify.annotations.Nullable;

/**
 * A collection of the H2 backend that finds a document by its id whatever else the filter
 * names, as MongoDB does: mongo-java-server uses an index only for a filter with exactly
 * the index's fields, so a conditional update ({@code _id} and the state it expects)
 * otherwise reads the whole collection.
 */
final class TypedH2Collection extends H2Collection {

	private static final String ID = "_id";

	private static final String AND = "$and";

	TypedH2Collection(MongoDatabase database, String name, CollectionOptions options, MVMap<Object, Document> data,
			MVMap<String, Object> meta, CursorRegistry cursors) {
		super(database, name, options, data, meta, cursors);
	}

	@Override
	protected QueryResult queryDocuments(Document query, Document orderBy, int skip, int limit, int batchSize,
			Document fields) {
		Object id = ID.equals(getIdField()) ? idOf(query) : null;
		if (id != null && query.size() + ((query.get(AND) instanceof List<?> all) ? all.size() : 0) > 1) {
			List<Object> positions = (getDocument(id) != null) ? List.of(id) : List.of();
			return matchDocuments(query, positions, orderBy, skip, limit, batchSize, fields);
		}
		return super.queryDocuments(query, orderBy, skip, limit, batchSize, fields);
	}

	/**
	 * The id the filter asks for, at its top or in a top {@code $and} (as the driver's
	 * {@code Filters.and} writes it). Only ids stored as they are: a number may be stored
	 * as another type of number, which the id index, not the data map, equates.
	 */
	private static @Nullable Object idOf(Document query) {
		if (isExact(query.get(ID))) {
			return query.get(ID);
		}
		if (query.get(AND) instanceof List<?> clauses) {
			for (Object clause : clauses) {
				if (clause instanceof Document document && isExact(document.get(ID))) {
					return document.get(ID);
				}
			}
		}
		return null;
	}

	private static boolean isExact(@Nullable Object id) {
		return id instanceof String || id instanceof ObjectId;
	}

}
