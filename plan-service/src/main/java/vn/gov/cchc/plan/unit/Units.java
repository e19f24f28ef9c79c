package vn.gov.cchc.plan.unit;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.mongodb.client.result.UpdateResult;
import vn.gov.cchc.events.UnitDetails;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.ReplaceOptions;
import org.springframework.stereotype.Repository;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * The units this service knows: its view of the compacted {@code cchc.units} topic. Only
 * {@link UnitEventsConsumer} writes here.
 */
@Repository
public class Units {

	static final String COLLECTION = "units";

	private final MongoTemplate mongo;

	Units(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	public Optional<UnitDetails> find(String code) {
		return Optional.ofNullable(this.mongo.findById(code, StoredUnit.class)).map(StoredUnit::toDetails);
	}

	/** The known units among the given codes, by code. */
	Map<String, UnitDetails> findAll(Collection<String> codes) {
		return this.mongo.find(query(where("_id").in(codes)), StoredUnit.class)
			.stream()
			.map(StoredUnit::toDetails)
			.collect(Collectors.toMap(UnitDetails::code, Function.identity()));
	}

	/** Every known unit, ordered by code. */
	List<UnitDetails> findAll() {
		return this.mongo.find(query(where("_id").exists(true)).with(Sort.by("_id")), StoredUnit.class)
			.stream()
			.map(StoredUnit::toDetails)
			.toList();
	}

	/**
	 * Stores a unit's state unless a later one is stored already. Every unit event
	 * carries the whole state, so keeping the newest by {@code occurredAt} makes
	 * redelivery and replay harmless; an equal {@code occurredAt} is applied again, which
	 * changes nothing when it is the same event.
	 * @return whether this state is now the stored one
	 */
	boolean record(UnitDetails unit, Instant occurredAt, String eventId) {
		try {
			UpdateResult result = this.mongo.update(StoredUnit.class)
				.matching(query(where("_id").is(unit.code()).and("occurredAt").lte(occurredAt)))
				.replaceWith(StoredUnit.of(unit, occurredAt, eventId))
				.withOptions(ReplaceOptions.replaceOptions().upsert())
				.replaceFirst();
			return result.getMatchedCount() > 0 || result.getUpsertedId() != null;
		}
		catch (DuplicateKeyException ex) {
			// The unit exists with a later occurredAt: the filter did not match, so the
			// upsert tried to insert a second document with the same id.
			return false;
		}
	}

}
