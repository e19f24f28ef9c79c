package vn.gov.cchc.plan.unit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.mongodb.client.result.UpdateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.gov.cchc.events.UnitDetails;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.ReplaceOptions;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.data.mongodb.core.query.Criteria;
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

	private static final Logger logger = LoggerFactory.getLogger(Units.class);

	private static final int MAX_DEPTH = 16;

	private final MongoTemplate mongo;

	Units(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	/**
	 * The tree as the reads of one request see it, to decide what a caller may read; it
	 * reads each unit once.
	 */
	public UnitTree tree() {
		return new UnitTree(this::find);
	}

	public Optional<UnitDetails> find(String code) {
		return Optional.ofNullable(this.mongo.findById(code, StoredUnit.class)).map(StoredUnit::toDetails);
	}

	/** Whether the unit is known and existed on the given day. */
	public boolean existedOn(String code, LocalDate day) {
		return find(code).filter((unit) -> unit.validOn(day)).isPresent();
	}

	/**
	 * Whether the unit is the ancestor or one of its descendants on the given day, by the
	 * parents the units had that day. A unit is within itself.
	 */
	public boolean isWithin(String code, String ancestorCode, LocalDate day) {
		String current = code;
		// Deeper than any real tree: a cycle in bad data ends the walk instead of
		// looping.
		for (int depth = 0; current != null && depth < MAX_DEPTH; depth++) {
			if (current.equals(ancestorCode)) {
				return true;
			}
			current = find(current).filter((unit) -> unit.validOn(day)).map((unit) -> unit.parentOn(day)).orElse(null);
		}
		return false;
	}

	/**
	 * The units that existed on the given day with the given unit as their parent then.
	 * Served by the indexes on {@code parentCode} and {@code parentHistory.parentCode}:
	 * only the units that ever had this parent are read.
	 */
	public List<UnitDetails> childrenOn(String code, LocalDate day) {
		return this.mongo.find(
				query(new Criteria().andOperator(new Criteria().orOperator(where("parentCode").is(code),
						where("parentHistory.parentCode").is(code)), validOn(day)))
					.with(Sort.by("_id")),
				StoredUnit.class)
			.stream()
			.map(StoredUnit::toDetails)
			.filter((unit) -> unit.validOn(day) && code.equals(unit.parentOn(day)))
			.toList();
	}

	/** The units that existed on the given day, ordered by code. */
	List<UnitDetails> findOn(LocalDate day) {
		return this.mongo.find(query(validOn(day)).with(Sort.by("_id")), StoredUnit.class)
			.stream()
			.map(StoredUnit::toDetails)
			.filter((unit) -> unit.validOn(day))
			.toList();
	}

	private static Criteria validOn(LocalDate day) {
		return new Criteria().andOperator(where("validFrom").lte(day),
				new Criteria().orOperator(where("validTo").is(null), where("validTo").gte(day)));
	}

	/**
	 * Creates the indexes the reads by parent need, once the application is up. An index
	 * that exists already is left as it is; a store that is down at start-up only costs
	 * the indexes until the next start, not the start itself.
	 */
	@EventListener(ApplicationReadyEvent.class)
	void createIndexes() {
		try {
			IndexOperations indexes = this.mongo.indexOps(StoredUnit.class);
			indexes.createIndex(new Index().on("parentCode", Sort.Direction.ASC).named("parentCode"));
			indexes.createIndex(
					new Index().on("parentHistory.parentCode", Sort.Direction.ASC).named("parentHistory.parentCode"));
		}
		catch (DataAccessException ex) {
			logger.warn("Could not create the indexes of the units collection: {}", ex.getMessage());
		}
	}

	/** The known units among the given codes, by code. */
	Map<String, UnitDetails> findAll(Collection<String> codes) {
		return this.mongo.find(query(where("_id").in(codes)), StoredUnit.class)
			.stream()
			.map(StoredUnit::toDetails)
			.collect(Collectors.toMap(UnitDetails::code, Function.identity()));
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
