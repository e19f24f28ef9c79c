package vn.gov.cchc.notification.contact;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;
import vn.gov.cchc.notification.store.StoreIndexes;

/**
 * The {@code contacts} collection: who answers for a unit and how to reach them, read by
 * the other features of the service. Writes are single conditional upserts, so that an
 * older or repeated event cannot overwrite a newer state even when two consumers race.
 */
@Repository
public class Contacts {

	private final MongoTemplate mongo;

	Contacts(MongoTemplate mongo) {
		this.mongo = mongo;
		StoreIndexes.retire(mongo, Contact.class, "id_lastEventId");
	}

	/**
	 * The contacts of the units among these that are known, by unit code, in one read.
	 */
	public Map<String, Contact> findAll(Collection<String> unitCodes) {
		if (unitCodes.isEmpty()) {
			return Map.of();
		}
		return this.mongo.find(Query.query(Criteria.where("_id").in(unitCodes)), Contact.class)
			.stream()
			.collect(Collectors.toMap(Contact::unitCode, (contact) -> contact));
	}

	/** The unit's contact as of the latest unit event, if the unit is known. */
	public Optional<Contact> find(String unitCode) {
		return Optional.ofNullable(this.mongo.findById(unitCode, Contact.class));
	}

	/**
	 * Stores a batch (see {@link LatestEventWrites#saveAll}).
	 * @return each one's outcome, in order
	 */
	List<LatestEventWrites.Outcome> saveAll(List<Contact> batch) {
		return LatestEventWrites.saveAll(this.mongo, Contact.class, batch.stream()
			.map((one) -> new LatestEventWrites.Write(one.unitCode(), one.occurredAt(), one.lastEventId(), update(one)))
			.toList());
	}

	private static Update update(Contact contact) {
		return new Update().set("name", contact.name())
			.set("kind", contact.kind())
			.set("parentCode", contact.parentCode())
			.set("person", contact.person())
			.set("email", contact.email())
			.set("phone", contact.phone())
			.set("validFrom", contact.validFrom())
			.set("validTo", contact.validTo())
			.set("occurredAt", contact.occurredAt())
			.set("lastEventId", contact.lastEventId());
	}

}
