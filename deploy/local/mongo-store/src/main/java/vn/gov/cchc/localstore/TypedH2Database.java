package vn.gov.cchc.localstore;

import java.util.List;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractSynchronizedMongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.oplog.Oplog;
import org.h2.mvstore.FileStore;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.type.ByteArrayDataType;

/**
 * A database in the MVStore, as mongo-java-server's {@code H2Database} keeps it (the same
 * map names), but with typed maps: documents stored as their BSON bytes
 * ({@link TypedH2Collection}) and index keys compared and stored as BSON values
 * ({@link KeyValueType}).
 */
final class TypedH2Database extends AbstractSynchronizedMongoDatabase<Object> {

	private static final String DATABASES_PREFIX = "databases.";

	private static final String META_PREFIX = "meta.";

	private static final String INDEX_INFIX = "._index_";

	private final MVStore store;

	TypedH2Database(String name, MVStore store, CursorRegistry cursors) {
		super(name, cursors);
		this.store = store;
		initializeNamespacesAndIndexes();
	}

	@Override
	protected Index<Object> openOrCreateUniqueIndex(String collection, String name, List<IndexKey> keys,
			boolean sparse) {
		return new TypedUniqueIndex(indexMap(indexMapName(collection, name)), name, keys, sparse);
	}

	@Override
	protected void dropIndex(MongoCollection<Object> collection, String name) {
		super.dropIndex(collection, name);
		this.store.removeMap(indexMap(indexMapName(collection.getCollectionName(), name)));
	}

	@Override
	protected MongoCollection<Object> openOrCreateCollection(String collection, CollectionOptions options) {
		String name = getFullCollectionNamespace(collection);
		return new TypedH2Collection(this, collection, options, dataMap(name), metaMap(name), this.cursorRegistry);
	}

	@Override
	public void drop(Oplog oplog) {
		super.drop(oplog);
		String database = getDatabaseName();
		List<String> names = this.store.getMapNames()
			.stream()
			.filter((name) -> name.startsWith(database + ".") || name.startsWith(DATABASES_PREFIX + database)
					|| name.startsWith(META_PREFIX + database))
			.toList();
		names.forEach((name) -> this.store.removeMap(typedMap(this.store, name)));
	}

	@Override
	public void dropCollection(String collection, Oplog oplog) {
		super.dropCollection(collection, oplog);
		String name = getFullCollectionNamespace(collection);
		this.store.removeMap(dataMap(name));
		this.store.removeMap(metaMap(name));
	}

	@Override
	public void moveCollection(MongoDatabase oldDatabase, MongoCollection<?> collection, String newName) {
		super.moveCollection(oldDatabase, collection, newName);
		String newFullName = getFullCollectionNamespace(newName);
		this.store.renameMap(dataMap(collection.getFullName()), DATABASES_PREFIX + newFullName);
		this.store.renameMap(metaMap(collection.getFullName()), META_PREFIX + newFullName);
	}

	@Override
	protected long getStorageSize() {
		FileStore<?> file = this.store.getFileStore();
		return (file != null) ? file.size() : 0;
	}

	@Override
	protected long getFileSize() {
		return getStorageSize();
	}

	private String indexMapName(String collection, String index) {
		return getFullCollectionNamespace(collection) + INDEX_INFIX + index;
	}

	@SuppressWarnings("unchecked")
	private MVMap<KeyValue, Object> indexMap(String name) {
		return (MVMap<KeyValue, Object>) typedMap(this.store, name);
	}

	@SuppressWarnings("unchecked")
	private MVMap<Object, byte[]> dataMap(String collection) {
		return (MVMap<Object, byte[]>) typedMap(this.store, DATABASES_PREFIX + collection);
	}

	@SuppressWarnings("unchecked")
	private MVMap<String, Object> metaMap(String collection) {
		return (MVMap<String, Object>) typedMap(this.store, META_PREFIX + collection);
	}

	/**
	 * A map of the store with the types its name says it has: a collection's documents as
	 * BSON bytes, an index's keys as {@link KeyValueType}, anything else untyped. The one
	 * place that decides, for the databases and for the upgrade of an older file
	 * ({@link StoreFormat}).
	 */
	@SuppressWarnings({ "rawtypes", "unchecked" })
	static MVMap<?, ?> typedMap(MVStore store, String name) {
		MVMap.Builder builder = new MVMap.Builder<>();
		if (name.startsWith(DATABASES_PREFIX)) {
			builder.valueType(ByteArrayDataType.INSTANCE);
		}
		else if (name.contains(INDEX_INFIX)) {
			builder.keyType(KeyValueType.INSTANCE);
		}
		return store.openMap(name, builder);
	}

}
