package vn.gov.cchc.report.unit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import vn.gov.cchc.report.store.GuardedUpsert;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;
import vn.gov.cchc.events.DatedUnitTree;
import vn.gov.cchc.events.UnitDetails;
import vn.gov.cchc.security.UnitPaths;

import org.springframework.stereotype.Component;

/**
 * The {@code units} collection: one document per unit, {@code _id} = unit code, holding
 * the unit's whole state as its last event carried it ({@code state}, the event's JSON,
 * so that dates never pass through a time zone and fields added to the contract later
 * survive), with {@code occurredAt} deciding which state is newest.
 */
@Component
public class Units {

	static final String COLLECTION = "units";

	private final MongoCollection<Document> units;

	private final JsonMapper json;

	public Units(MongoDatabase database) {
		this.units = database.getCollection(COLLECTION);
		this.json = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
	}

	/**
	 * Stores the unit's whole state unless a later state is already stored, in one
	 * {@link GuardedUpsert} guarded by {@code occurredAt}.
	 * @param unit the unit's whole state
	 * @param occurredAt when that state came to be
	 * @return {@code true} if stored, {@code false} if a later state was already there
	 */
	public boolean record(UnitDetails unit, Instant occurredAt) {
		Date at = Date.from(occurredAt);
		// Equal times are re-applied: a redelivered event writes the same state again.
		Bson filter = Filters.and(Filters.eq("_id", unit.code()),
				Filters.or(Filters.lte("occurredAt", at), Filters.exists("occurredAt", false)));
		Bson update = Updates.combine(Updates.set("state", this.json.writeValueAsString(unit)),
				Updates.set("occurredAt", at));
		return GuardedUpsert.apply(this.units, filter, update);
	}

	/** The unit with the given code, if its registration has arrived. */
	public Optional<UnitDetails> find(String code) {
		return Optional.ofNullable(this.units.find(Filters.eq("_id", code)).first()).map(this::unit);
	}

	/**
	 * The whole tree as known now, every unit that ever existed with its history. Read
	 * once per question: a province has at most a few thousand units.
	 */
	public DatedUnitTree<UnitDetails> tree() {
		return DatedUnitTree.of(this.units.find().map(this::unit).into(new ArrayList<>()));
	}

	/**
	 * The unit and its ancestors on the day, the unit first (see
	 * {@link DatedUnitTree#pathOn}), looked up one by one.
	 * @throws UnknownUnitException if the unit or an ancestor is not known yet
	 */
	public List<String> pathOn(String code, LocalDate day) {
		return UnknownUnitException.requireKnown(DatedUnitTree.pathOn(code, day, this::find));
	}

	/**
	 * Where units sat on the day, for a caller's reading scope: questions about a period
	 * are answered on the tree of the period's end, the tree its figures and reports are
	 * rolled up on, so a district reads its communes of 2022 but none of 2026, after the
	 * districts were abolished. A unit not known yet, or with an ancestor not known yet,
	 * is in no scope.
	 */
	public UnitPaths pathsOn(LocalDate day) {
		return (code) -> completeOrNone(DatedUnitTree.pathOn(code, day, this::find));
	}

	/**
	 * Where units sat over their whole life, for questions that name no day (all-time
	 * totals, the live stream) or a span of days that may cross a reorganisation (figures
	 * and series from one day to another): a unit is under every unit it was ever under
	 * (see {@link DatedUnitTree#pathOverLife}). A unit not known yet, or with an ancestor
	 * not known yet, is in no scope.
	 */
	public UnitPaths pathsEver() {
		return (code) -> completeOrNone(DatedUnitTree.pathOverLife(code, this::find));
	}

	private static List<String> completeOrNone(DatedUnitTree.Path path) {
		return path.complete() ? path.codes() : List.of();
	}

	private UnitDetails unit(Document document) {
		return this.json.readValue(document.getString("state"), UnitDetails.class);
	}

}
