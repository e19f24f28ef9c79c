package vn.gov.cchc.localstore;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 backend with typed maps ({@link TypedH2Database}): the same
 * MVStore file layout, but documents and index keys are no longer Java-serialized, and a
 * filter on {@code _id} reads one document ({@link TypedH2Collection}).
 */
final class TypedH2Backend extends H2Backend {

	TypedH2Backend(MVStore store) {
		super(store);
	}

	@Override
	protected MongoDatabase openOrCreateDatabase(String name) {
		return new TypedH2Database(name, getMvStore(), getCursorRegistry());
	}

}
