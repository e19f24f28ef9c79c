package vn.gov.cchc.report.totals;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;
import vn.gov.cchc.report.figures.Figures;
import vn.gov.cchc.report.figures.Tally;

import org.springframework.stereotype.Component;

/**
 * The {@code totals} collection: {@code {_id: unitCode, events, budgetSpentVnd,
 * quantities: {metric: total}, version}}, written whole by the counting
 * ({@code vn.gov.cchc.report.counting}) each time the unit's totals change.
 */
@Component
public class Totals {

	static final String COLLECTION = "totals";

	private final MongoCollection<Document> totals;

	public Totals(MongoDatabase database) {
		this.totals = database.getCollection(COLLECTION);
	}

	/** The unit's totals document, absent if no fact has counted for it yet. */
	public Optional<UnitTotals> find(String unitCode) {
		return Optional.ofNullable(this.totals.find(Filters.eq("_id", unitCode)).first()).map(Totals::unitTotals);
	}

	/** Every totals document. */
	public List<UnitTotals> findAll() {
		return this.totals.find().map(Totals::unitTotals).into(new ArrayList<>());
	}

	/**
	 * Writes each unit's whole totals document, with its version, in one bulk write: the
	 * counting emits a document's whole state, so a write repeated after a crash is
	 * harmless.
	 * @param units the documents
	 */
	public void writeAll(Collection<UnitTotals> units) {
		if (units.isEmpty()) {
			return;
		}
		List<WriteModel<Document>> writes = new ArrayList<>(units.size());
		for (UnitTotals unit : units) {
			Document document = new Document("_id", unit.unitCode());
			document.putAll(Figures.tallyDocument(new Tally(unit.events(), unit.budgetSpentVnd(), unit.quantities())));
			document.append("version", unit.version());
			writes.add(new ReplaceOneModel<>(Filters.eq("_id", unit.unitCode()), document,
					new ReplaceOptions().upsert(true)));
		}
		this.totals.bulkWrite(writes, new BulkWriteOptions().ordered(false));
	}

	/** Removes every document, before the totals are counted again from the log. */
	public void clear() {
		this.totals.deleteMany(new Document());
	}

	private static UnitTotals unitTotals(Document document) {
		Tally tally = Figures.tally(document);
		return new UnitTotals(document.getString("_id"), tally.events(), tally.budgetSpentVnd(), tally.quantities(),
				((Number) document.getOrDefault("version", 0L)).longValue());
	}

}
