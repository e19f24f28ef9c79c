package vn.gov.cchc.plan.unit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.gov.cchc.events.DatedUnitTree;
import vn.gov.cchc.events.UnitDetails;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * The units this service knows: its view of the compacted {@code cchc.units} topic. Only
 * {@link UnitEventsConsumer} writes here. Validation reads units from the
 * {@link UnitDirectory} instead, in memory.
 */
@Repository
public class Units {

	static final String COLLECTION = "units";

	private static final Logger logger = LoggerFactory.getLogger(Units.class);

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
		// A unit that did not exist on the day has no path then (see UnitTree#on).
		return code.equals(ancestorCode)
				|| DatedUnitTree.pathDuring(code, day, day, this::find).codes().contains(ancestorCode);
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
			.filter((unit) -> unit.isChildOn(code, day))
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

	/** The unit as stored, with the {@code occurredAt} of the event that brought it. */
	Optional<StoredUnit> findStored(String code) {
		return Optional.ofNullable(this.mongo.findById(code, StoredUnit.class));
	}

	/**
	 * Stores the states of a batch, each unless a later one is stored already. Every unit
	 * event carries the whole state, so keeping the newest by {@code occurredAt} makes
	 * redelivery and replay harmless; an equal {@code occurredAt} is applied again, which
	 * changes nothing when it is the same event.
	 *
	 * <p>
	 * The batch is coalesced to the newest state of each unit; the stored
	 * {@code occurredAt}s are read with one query by {@code _id}, and the newer states
	 * are written with one bulk write of replacements by {@code _id}. A unit's events
	 * come from one partition, read by one instance at a time, so the read and the write
	 * of a batch do not race another writer of the same unit but during a rebalance.
	 * @return how many of the states are now the stored ones
	 */
	int recordAll(List<UnitState> states) {
		Map<String, UnitState> newest = new LinkedHashMap<>();
		for (UnitState state : states) {
			newest.merge(state.unit().code(), state,
					(kept, offered) -> offered.occurredAt().isBefore(kept.occurredAt()) ? kept : offered);
		}
		Query stored = query(where("_id").in(newest.keySet()));
		stored.fields().include("occurredAt");
		Map<String, Instant> storedAt = new HashMap<>();
		for (Document unit : this.mongo.find(stored, Document.class, COLLECTION)) {
			Object at = unit.get("occurredAt");
			if (at instanceof Date date) {
				storedAt.put(unit.getString("_id"), date.toInstant());
			}
		}
		List<UnitState> newer = newest.values()
			.stream()
			.filter((state) -> !storedAt.containsKey(state.unit().code())
					|| !state.occurredAt().isBefore(storedAt.get(state.unit().code())))
			.toList();
		if (newer.isEmpty()) {
			return 0;
		}
		BulkOperations bulk = this.mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, StoredUnit.class);
		for (UnitState state : newer) {
			bulk.replaceOne(query(where("_id").is(state.unit().code())),
					StoredUnit.of(state.unit(), state.occurredAt(), state.eventId()),
					FindAndReplaceOptions.options().upsert());
		}
		bulk.execute();
		return newer.size();
	}

}
