package vn.gov.cchc.localstore;

import java.util.Locale;
import java.util.Set;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 backend with typed maps ({@link TypedH2Database}): the same
 * MVStore file layout, but documents and index keys are no longer Java-serialized, and a
 * filter on {@code _id} reads one document ({@link TypedH2Collection}).
 */
final class TypedH2Backend extends H2Backend {

	/** The commands that change what is stored (lower case, as the wire names vary). */
	private static final Set<String> WRITES = Set.of("insert", "update", "delete", "findandmodify", "create",
			"createindexes", "drop", "dropdatabase", "dropindexes", "renamecollection");

	TypedH2Backend(MVStore store) {
		super(store);
	}

	/**
	 * Answers a command only once what it wrote is in the file: the MVStore would
	 * otherwise commit about once a second, and a hard kill would lose writes the driver
	 * was told had succeeded (a consumer that committed its offsets after one loses the
	 * fact for good). Concurrent writers share a commit: one that finds its change
	 * already written by another's commit writes nothing.
	 */
	@Override
	public Document handleMessage(MongoMessage message) {
		try {
			return super.handleMessage(message);
		}
		finally {
			if (writes(message.getDocument())) {
				getMvStore().commit();
			}
		}
	}

	private static boolean writes(Document command) {
		return !command.isEmpty() && WRITES.contains(command.keySet().iterator().next().toLowerCase(Locale.ROOT));
	}

	@Override
	protected MongoDatabase openOrCreateDatabase(String name) {
		return new TypedH2Database(name, getMvStore(), getCursorRegistry());
	}

}
