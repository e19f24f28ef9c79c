package vn.gov.cchc.notification.contact;

import java.util.List;
import java.util.Optional;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;
import vn.gov.cchc.notification.store.StoreIndexes;

/**
 * The {@code units} collection: each unit's place in the tree over its life, written like
 * the contacts (see {@link LatestEventWrites}).
 */
@Repository
class UnitNodes {

	private final MongoTemplate mongo;

	UnitNodes(MongoTemplate mongo) {
		this.mongo = mongo;
		StoreIndexes.retire(mongo, UnitNode.class, "id_lastEventId");
	}

	Optional<UnitNode> find(String unitCode) {
		return Optional.ofNullable(this.mongo.findById(unitCode, UnitNode.class));
	}

	/**
	 * Stores a batch (see {@link LatestEventWrites#saveAll}).
	 * @return each one's outcome, in order
	 */
	List<LatestEventWrites.Outcome> saveAll(List<UnitNode> batch) {
		return LatestEventWrites.saveAll(this.mongo, UnitNode.class, batch.stream()
			.map((one) -> new LatestEventWrites.Write(one.unitCode(), one.occurredAt(), one.lastEventId(), update(one)))
			.toList());
	}

	private static Update update(UnitNode node) {
		return new Update().set("parentCode", node.parentCode())
			.set("parentHistory", node.parentHistory())
			.set("validFrom", node.validFrom())
			.set("validTo", node.validTo())
			.set("occurredAt", node.occurredAt())
			.set("lastEventId", node.lastEventId());
	}

}
