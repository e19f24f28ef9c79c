package vn.gov.cchc.localstore;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.UUID;
import java.util.stream.Stream;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractSynchronizedMongoCollection;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DocumentWithPosition;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import org.h2.mvstore.MVMap;
import org.jspecify.annotations.Nullable;

/**
 * A collection in the MVStore, as mongo-java-server's {@code H2Collection} keeps it (a
 * data map by id, a meta map with the data size), but with each document stored as its
 * BSON bytes ({@link BsonBytes}) and decoded afresh for every read; and a document found
 * by its id whatever else the filter names, as MongoDB does: mongo-java-server uses an
 * index only for a filter with exactly the index's fields, so a conditional update
 * ({@code _id} and the state it expects) would otherwise read the whole collection.
 */
final class TypedH2Collection extends AbstractSynchronizedMongoCollection<Object> {

	private static final String ID = "_id";

	private static final String AND = "$and";

	private static final String DATA_SIZE = "dataSize";

	private final MVMap<Object, byte[]> data;

	private final MVMap<String, Object> meta;

	TypedH2Collection(MongoDatabase database, String name, CollectionOptions options, MVMap<Object, byte[]> data,
			MVMap<String, Object> meta, CursorRegistry cursors) {
		super(database, name, options, cursors);
		this.data = data;
		this.meta = meta;
		this.meta.putIfAbsent(DATA_SIZE, 0L);
	}

	@Override
	protected void updateDataSize(int delta) {
		synchronized (this.meta) {
			this.meta.put(DATA_SIZE, ((Number) this.meta.get(DATA_SIZE)).longValue() + delta);
		}
	}

	@Override
	protected int getDataSize() {
		return ((Number) this.meta.get(DATA_SIZE)).intValue();
	}

	@Override
	protected Object addDocumentInternal(Document document) {
		Object key = (getIdField() != null) ? Utils.getSubdocumentValue(document, getIdField()) : UUID.randomUUID();
		Object position = Missing.ofNullable(key);
		if (this.data.putIfAbsent(position, BsonBytes.of(document)) != null) {
			throw new IllegalStateException("Document with key '" + key + "' already existed in " + this);
		}
		return key;
	}

	@Override
	public int count() {
		return this.data.size();
	}

	@Override
	public boolean isEmpty() {
		return this.data.isEmpty();
	}

	@Override
	protected @Nullable Document getDocument(Object position) {
		byte[] bytes = this.data.get(position);
		return (bytes != null) ? BsonBytes.document(bytes) : null;
	}

	@Override
	protected void removeDocument(Object position) {
		if (this.data.remove(position) == null) {
			throw new NoSuchElementException("No document with key " + position);
		}
	}

	@Override
	protected Stream<DocumentWithPosition<Object>> streamAllDocumentsWithPosition() {
		return this.data.entrySet()
			.stream()
			.map((entry) -> new DocumentWithPosition<>(BsonBytes.document(entry.getValue()), entry.getKey()));
	}

	@Override
	protected QueryResult matchDocuments(Document query, Document orderBy, int skip, int limit, int batchSize,
			Document fields) {
		Stream<Document> documents;
		if (isNaturalDescending(orderBy)) {
			documents = streamAllDocumentsWithPosition()
				.sorted((left, right) -> ValueComparator.desc().compare(left.getPosition(), right.getPosition()))
				.map(DocumentWithPosition::getDocument);
		}
		else {
			documents = this.data.values().stream().map(BsonBytes::document);
		}
		return matchDocumentsFromStream(documents, query, orderBy, skip, limit, batchSize, fields);
	}

	@Override
	protected void handleUpdate(Object position, Document oldDocument, Document newDocument) {
		this.data.put(Missing.ofNullable(position), BsonBytes.of(newDocument));
	}

	@Override
	protected QueryResult queryDocuments(Document query, Document orderBy, int skip, int limit, int batchSize,
			Document fields) {
		Object id = ID.equals(getIdField()) ? idOf(query) : null;
		if (id != null) {
			List<Object> positions = this.data.containsKey(id) ? List.of(id) : List.of();
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
