package vn.gov.cchc.report.ledger;

import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.bson.Document;

import org.springframework.stereotype.Component;

/**
 * The {@code ledger} collection. Its {@code _id} index, unique by nature, is what makes
 * recording a fact idempotent.
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
		Document document = new Document("_id", entry.eventId()).append("partition", entry.partition())
			.append("offset", entry.offset())
			.append("unitCode", entry.unitCode())
			.append("planId", entry.planId())
			.append("activityId", entry.activityId())
			.append("date", entry.date().toString())
			.append("quantities", quantities)
			.append("evidence", entry.evidence().stream().map(URI::toString).toList())
			.append("budgetSpentVnd", entry.budgetSpentVnd())
			.append("reporter", entry.reporter())
			.append("recordedAt", Date.from(entry.recordedAt()))
			.append("rollup", entry.rollup());
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

	/** Streams every entry, in no particular order, without holding them all. */
	public void forEach(Consumer<LedgerEntry> action) {
		for (Document document : this.ledger.find()) {
			action.accept(entry(document));
		}
	}

	private static LedgerEntry entry(Document document) {
		Map<String, Long> quantities = new HashMap<>();
		Document stored = document.get("quantities", Document.class);
		if (stored != null) {
			stored.forEach((metric, quantity) -> quantities.put(metric, ((Number) quantity).longValue()));
		}
		List<URI> evidence = new ArrayList<>();
		for (String link : document.getList("evidence", String.class, List.of())) {
			evidence.add(URI.create(link));
		}
		return new LedgerEntry(document.getString("_id"), ((Number) document.get("partition")).intValue(),
				((Number) document.get("offset")).longValue(), document.getString("unitCode"),
				document.getString("planId"), document.getString("activityId"),
				LocalDate.parse(document.getString("date")), quantities, evidence,
				((Number) document.get("budgetSpentVnd")).longValue(), document.getString("reporter"),
				document.getDate("recordedAt").toInstant(), document.getList("rollup", String.class));
	}

}
