package vn.gov.cchc.report.store;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.UpdateOptions;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * A single-document upsert whose filter is {@code _id} plus a guard ("not newer", "this
 * offset not applied yet"): atomic without a transaction. When the document exists but
 * the guard does not hold, the filter matches nothing and the upsert's insert collides
 * with the existing {@code _id}. MongoDB retries such an insert by itself only for pure
 * equality filters, so the duplicate key reaches the caller and means "the guard
 * refused".
 */
public final class GuardedUpsert {

	private GuardedUpsert() {
	}

	/**
	 * Applies the update to the document the filter finds, or inserts it.
	 * @param collection the collection
	 * @param filter {@code _id} and the guard
	 * @param update the change
	 * @return {@code true} if applied, {@code false} if the guard refused it
	 */
	public static boolean apply(MongoCollection<Document> collection, Bson filter, Bson update) {
		try {
			collection.updateOne(filter, update, new UpdateOptions().upsert(true));
			return true;
		}
		catch (MongoWriteException ex) {
			if (ex.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
				return false;
			}
			throw ex;
		}
	}

}
