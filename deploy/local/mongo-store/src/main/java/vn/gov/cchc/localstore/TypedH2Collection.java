package vn.gov.cchc.localstore;

import java.util.Collection;
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
 * by its id (or ids, with {@code $in}) whatever else the filter names, as MongoDB does:
 * mongo-java-server uses an index only for a filter with exactly the index's fields, so a
 * conditional update ({@code _id} and the state it expects) would otherwise read the
 * whole collection.
 */
final class TypedH2Collection extends AbstractSynchronizedMongoCollection<Object> {

	private static final String ID = "_id";

	private static final String AND = "$and";

	private static final String IN = "$in";

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

	/**
	 * The data size is kept here from the bytes stored, rather than by mongo-java-server
	 * encoding the old and the new document once more for every update only to measure
	 * them (a fifth of an update's time).
	 */
	@Override
	protected boolean tracksDataSize() {
		return false;
	}

	@Override
	protected Object addDocumentInternal(Document document) {
		Object key = (getIdField() != null) ? Utils.getSubdocumentValue(document, getIdField()) : UUID.randomUUID();
		Object position = Missing.ofNullable(key);
		byte[] bytes = BsonBytes.of(document);
		if (this.data.putIfAbsent(position, bytes) != null) {
			throw new IllegalStateException("Document with key '" + key + "' already existed in " + this);
		}
		updateDataSize(bytes.length);
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
		byte[] removed = this.data.remove(position);
		if (removed == null) {
			throw new NoSuchElementException("No document with key " + position);
		}
		updateDataSize(-removed.length);
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
		byte[] bytes = BsonBytes.of(newDocument);
		byte[] replaced = this.data.put(Missing.ofNullable(position), bytes);
		updateDataSize(bytes.length - ((replaced != null) ? replaced.length : 0));
	}

	@Override
	protected QueryResult queryDocuments(Document query, Document orderBy, int skip, int limit, int batchSize,
			Document fields) {
		List<Object> ids = ID.equals(getIdField()) ? idsOf(query) : null;
		if (ids != null) {
			List<Object> positions = ids.stream().filter(this.data::containsKey).toList();
			return matchDocuments(query, positions, orderBy, skip, limit, batchSize, fields);
		}
		return super.queryDocuments(query, orderBy, skip, limit, batchSize, fields);
	}

	/**
	 * The ids the filter asks for, at its top or in a top {@code $and} (as the driver's
	 * {@code Filters.and} writes it), as one value or an {@code $in} list. Only ids
	 * stored as they are: a number may be stored as another type of number, which the id
	 * index, not the data map, equates.
	 */
	private static @Nullable List<Object> idsOf(Document query) {
		List<Object> ids = idsOf(query.get(ID));
		if (ids == null && query.get(AND) instanceof List<?> clauses) {
			for (Object clause : clauses) {
				if (clause instanceof Document document && (ids = idsOf(document.get(ID))) != null) {
					break;
				}
			}
		}
		return ids;
	}

	private static @Nullable List<Object> idsOf(@Nullable Object condition) {
		if (isExact(condition)) {
			return List.of(condition);
		}
		if (condition instanceof Document operators && operators.size() == 1
				&& operators.get(IN) instanceof Collection<?> values
				&& values.stream().allMatch(TypedH2Collection::isExact)) {
			return values.stream().distinct().map(Object.class::cast).toList();
		}
		return null;
	}

	private static boolean isExact(@Nullable Object id) {
		return id instanceof String || id instanceof ObjectId;
	}

}
