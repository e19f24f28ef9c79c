package vn.gov.cchc.report.totals;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import vn.gov.cchc.report.store.GuardedUpsert;
import vn.gov.cchc.report.figures.Figures;
import vn.gov.cchc.report.figures.Tally;

import org.springframework.stereotype.Component;

/**
 * The {@code totals} collection: {@code {_id: unitCode, events, budgetSpentVnd,
 * quantities: {metric: total}, applied: {p<partition>: offset}}}. Only the ledger writes
 * it (see {@code LedgerApplier} for why {@link #addOnce} counts each fact exactly once).
 */
@Component
public class Totals {

	static final String COLLECTION = "totals";

	private final MongoCollection<Document> totals;

	public Totals(MongoDatabase database) {
		this.totals = database.getCollection(COLLECTION);
	}

	/**
	 * Adds what a ledger entry read at {@code (partition, offset)} changes to the unit's
	 * totals unless this document has already taken that offset or a later one of the
	 * same partition: one {@link GuardedUpsert} does the check and the increments.
	 * @param unitCode the unit whose document to update
	 * @param partition the Kafka partition the fact was read from
	 * @param offset its offset in that partition
	 * @param contribution what the fact adds
	 * @return {@code true} if added now, {@code false} if already added before
	 */
	public boolean addOnce(String unitCode, int partition, long offset, Tally contribution) {
		if (partition < 0 || offset < 0) {
			throw new IllegalArgumentException("Invalid partition " + partition + " or offset " + offset);
		}
		String applied = "applied.p" + partition;
		Bson filter = Filters.and(Filters.eq("_id", unitCode),
				Filters.or(Filters.lt(applied, offset), Filters.exists(applied, false)));
		List<Bson> updates = new ArrayList<>();
		updates.add(Updates.inc("events", contribution.events()));
		updates.add(Updates.inc("budgetSpentVnd", contribution.budgetSpentVnd()));
		contribution.quantities().forEach((metric, quantity) -> {
			if (!Figures.isMetricName(metric)) {
				throw new IllegalArgumentException("Metric name not allowed in a field path: " + metric);
			}
			updates.add(Updates.inc("quantities." + metric, quantity));
		});
		updates.add(Updates.set(applied, offset));
		return GuardedUpsert.apply(this.totals, filter, Updates.combine(updates));
	}

	/** The unit's totals document, absent if no fact has counted for it yet. */
	public Optional<UnitTotals> find(String unitCode) {
		return Optional.ofNullable(this.totals.find(Filters.eq("_id", unitCode)).first()).map(Totals::unitTotals);
	}

	/** Every totals document. */
	public List<UnitTotals> findAll() {
		List<UnitTotals> all = new ArrayList<>();
		this.totals.find().forEach((document) -> all.add(unitTotals(document)));
		return all;
	}

	/**
	 * Makes the collection hold exactly the given documents.
	 * @param rebuilt the new documents
	 * @return how many documents of units not in {@code rebuilt} were removed
	 */
	public long replaceAll(Collection<UnitTotals> rebuilt) {
		List<String> codes = new ArrayList<>();
		for (UnitTotals unit : rebuilt) {
			Document quantities = new Document();
			unit.quantities().forEach((metric, total) -> {
				if (!Figures.isMetricName(metric)) {
					throw new IllegalArgumentException("Metric name not allowed as a field name: " + metric);
				}
				quantities.put(metric, total);
			});
			Document applied = new Document();
			unit.applied().forEach((partition, offset) -> applied.put("p" + partition, offset));
			Document document = new Document("_id", unit.unitCode()).append("events", unit.events())
				.append("budgetSpentVnd", unit.budgetSpentVnd())
				.append("quantities", quantities)
				.append("applied", applied);
			this.totals.replaceOne(Filters.eq("_id", unit.unitCode()), document, new ReplaceOptions().upsert(true));
			codes.add(unit.unitCode());
		}
		return this.totals.deleteMany(Filters.nin("_id", codes)).getDeletedCount();
	}

	private static UnitTotals unitTotals(Document document) {
		Map<String, Long> quantities = new HashMap<>();
		Document storedQuantities = document.get("quantities", Document.class);
		if (storedQuantities != null) {
			storedQuantities.forEach((metric, total) -> quantities.put(metric, ((Number) total).longValue()));
		}
		Map<Integer, Long> applied = new HashMap<>();
		Document storedApplied = document.get("applied", Document.class);
		if (storedApplied != null) {
			storedApplied.forEach((partition, offset) -> applied.put(Integer.parseInt(partition.substring(1)),
					((Number) offset).longValue()));
		}
		return new UnitTotals(document.getString("_id"), number(document, "events"), number(document, "budgetSpentVnd"),
				quantities, applied);
	}

	private static long number(Document document, String field) {
		Object value = document.get(field);
		return (value != null) ? ((Number) value).longValue() : 0L;
	}

}
