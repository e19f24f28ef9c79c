package vn.gov.cchc.notification.contact;

import java.util.Optional;

import com.mongodb.client.result.UpdateResult;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * The {@code contacts} collection. Writes are single conditional upserts, so that an
 * older or repeated event cannot overwrite a newer state even when two consumers race.
 */
@Repository
class Contacts {

	enum Outcome {

		APPLIED, STALE, DUPLICATE

	}

	private final MongoTemplate mongo;

	Contacts(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	Optional<Contact> findByUnitCode(String unitCode) {
		return Optional.ofNullable(this.mongo.findById(unitCode, Contact.class));
	}

	/**
	 * Stores the contact unless the stored one comes from a newer event or from this very
	 * event. Events of one unit share a partition and arrive in order, so a different
	 * event with the same time is the later one and wins.
	 */
	Outcome save(Contact contact) {
		Query newerThanStored = Query.query(Criteria.where("_id")
			.is(contact.unitCode())
			.orOperator(Criteria.where("occurredAt").lt(contact.occurredAt()),
					Criteria.where("occurredAt")
						.is(contact.occurredAt())
						.and("lastEventId")
						.ne(contact.lastEventId())));
		Update update = new Update().set("name", contact.name())
			.set("kind", contact.kind())
			.set("parentCode", contact.parentCode())
			.set("person", contact.person())
			.set("email", contact.email())
			.set("phone", contact.phone())
			.set("validFrom", contact.validFrom())
			.set("validTo", contact.validTo())
			.set("occurredAt", contact.occurredAt())
			.set("lastEventId", contact.lastEventId());
		try {
			this.mongo.upsert(newerThanStored, update, Contact.class);
			return Outcome.APPLIED;
		}
		catch (DuplicateKeyException ex) {
			// The unit is stored and the filter did not match it, or another consumer
			// inserted it a moment ago: try once more as a plain conditional update.
			UpdateResult result = this.mongo.updateFirst(newerThanStored, update, Contact.class);
			if (result.getMatchedCount() > 0) {
				return Outcome.APPLIED;
			}
			return findByUnitCode(contact.unitCode())
				.filter((stored) -> stored.lastEventId().equals(contact.lastEventId()))
				.map((stored) -> Outcome.DUPLICATE)
				.orElse(Outcome.STALE);
		}
	}

}
