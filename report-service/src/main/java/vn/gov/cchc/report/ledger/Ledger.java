package vn.gov.cchc.report.ledger;

import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import vn.gov.cchc.report.figures.Effect;
import vn.gov.cchc.report.figures.Tally;

import org.springframework.stereotype.Component;

/**
 * The {@code ledger} collection. Its {@code _id} index, unique by nature, is what makes
 * recording a fact idempotent. An original report also carries {@code current}: the event
 * id of its version in force (itself, a correction, or a retraction) and the offset that
 * set it, so that corrections chain in the order they were read.
 */
@Component
public class Ledger {

	static final String COLLECTION = "ledger";

	private final MongoCollection<Document> ledger;

	public Ledger(MongoDatabase database) {
		this.ledger = database.getCollection(COLLECTION);
	}

	/**
	 * Records the entry unless its event id is already recorded.
	 * @param entry the entry
	 * @return {@code true} if recorded now, {@code false} if the id was already there
	 */
	public boolean insert(LedgerEntry entry) {
		Document quantities = new Document();
		entry.quantities().forEach(quantities::put);
		Document document = new Document("_id", entry.eventId()).append("kind", entry.kind().name())
			.append("partition", entry.partition())
			.append("offset", entry.offset())
			.append("targetEventId", entry.targetEventId())
			.append("replacedEventId", entry.replacedEventId())
			.append("unitCode", entry.unitCode())
			.append("planId", entry.planId())
			.append("activityId", entry.activityId())
			.append("date", entry.date().toString())
			.append("quantities", quantities)
			.append("evidence", entry.evidence().stream().map(URI::toString).toList())
			.append("budgetSpentVnd", entry.budgetSpentVnd())
			.append("reporter", entry.reporter())
			.append("note", entry.note())
			.append("recordedAt", Date.from(entry.recordedAt()))
			.append("rollup", entry.rollup())
			.append("effects", entry.effects().stream().map(Ledger::effectDocument).toList());
		if (entry.kind() == LedgerEntry.Kind.RECORDED) {
			document.append("current", new Document("eventId", entry.eventId()).append("offset", entry.offset()));
		}
		try {
			this.ledger.insertOne(document);
			return true;
		}
		catch (MongoWriteException ex) {
			if (ex.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
				return false;
			}
			throw ex;
		}
	}

	/** The entry with the given event id. */
	public Optional<LedgerEntry> find(String eventId) {
		return Optional.ofNullable(this.ledger.find(Filters.eq("_id", eventId)).first()).map(Ledger::entry);
	}

	/**
	 * The event id of the original report's version in force: the report itself, its
	 * latest correction or its retraction.
	 */
	public Optional<String> currentVersionOf(String originalEventId) {
		Document original = this.ledger.find(Filters.eq("_id", originalEventId)).first();
		if (original == null) {
			return Optional.empty();
		}
		Document current = original.get("current", Document.class);
		return Optional.of((current != null) ? current.getString("eventId") : originalEventId);
	}

	/**
	 * Makes {@code versionEventId}, read at {@code offset}, the version in force of the
	 * original report, unless a version read later is already in force: a consumer
	 * redelivering an older correction must not bring it back.
	 */
	public void supersede(String originalEventId, String versionEventId, long offset) {
		this.ledger.updateOne(
				Filters.and(Filters.eq("_id", originalEventId),
						Filters.or(Filters.lt("current.offset", offset), Filters.exists("current.offset", false))),
				Updates.set("current", new Document("eventId", versionEventId).append("offset", offset)));
	}

	/** How many entries the ledger holds. */
	public long count() {
		return this.ledger.countDocuments();
	}

	/** Streams every entry, in no particular order, without holding them all. */
	public void forEach(Consumer<LedgerEntry> action) {
		for (Document document : this.ledger.find()) {
			action.accept(entry(document));
		}
	}

	private static Document effectDocument(Effect effect) {
		Document quantities = new Document();
		effect.tally().quantities().forEach(quantities::put);
		return new Document("unitCode", effect.unitCode()).append("planId", effect.planId())
			.append("activityId", effect.activityId())
			.append("date", effect.date().toString())
			.append("events", effect.tally().events())
			.append("budgetSpentVnd", effect.tally().budgetSpentVnd())
			.append("quantities", quantities);
	}

	private static Effect effect(Document document) {
		return new Effect(document.getString("unitCode"), document.getString("planId"),
				document.getString("activityId"), LocalDate.parse(document.getString("date")),
				new Tally(number(document, "events"), number(document, "budgetSpentVnd"),
						quantities(document.get("quantities", Document.class))));
	}

	private static LedgerEntry entry(Document document) {
		List<URI> evidence = new ArrayList<>();
		for (String link : document.getList("evidence", String.class, List.of())) {
			evidence.add(URI.create(link));
		}
		List<Effect> effects = new ArrayList<>();
		for (Document effect : document.getList("effects", Document.class, List.of())) {
			effects.add(effect(effect));
		}
		String kind = document.getString("kind");
		return new LedgerEntry(document.getString("_id"),
				(kind != null) ? LedgerEntry.Kind.valueOf(kind) : LedgerEntry.Kind.RECORDED,
				((Number) document.get("partition")).intValue(), number(document, "offset"),
				document.getString("targetEventId"), document.getString("replacedEventId"),
				document.getString("unitCode"), document.getString("planId"), document.getString("activityId"),
				LocalDate.parse(document.getString("date")), quantities(document.get("quantities", Document.class)),
				evidence, number(document, "budgetSpentVnd"), document.getString("reporter"),
				document.getString("note"), document.getDate("recordedAt").toInstant(),
				document.getList("rollup", String.class, List.of()), effects);
	}

	private static Map<String, Long> quantities(@Nullable Document stored) {
		Map<String, Long> quantities = new TreeMap<>();
		if (stored != null) {
			stored.forEach((metric, quantity) -> quantities.put(metric, ((Number) quantity).longValue()));
		}
		return quantities;
	}

	private static long number(Document document, String field) {
		Object value = document.get(field);
		return (value != null) ? ((Number) value).longValue() : 0L;
	}

}
