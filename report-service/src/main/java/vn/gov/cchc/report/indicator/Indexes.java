package vn.gov.cchc.report.indicator;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import vn.gov.cchc.report.indicator.IndexValue.Recording;

import org.springframework.stereotype.Component;

/**
 * The {@code indexes} collection: one document per unit, index and year,
 * {@code _id = "<unit>|<index>|<year>"}, holding the result in force and the audit of
 * every recording. Decimals are kept as their text so that a published {@code 68.90}
 * comes back as entered, with no binary rounding on the way.
 * <p>
 * A recording is one single-document update (the fields in force set, the recording
 * pushed onto {@code audit}), so the audit never misses a value that was in force.
 */
@Component
public class Indexes {

	static final String COLLECTION = "indexes";

	private final MongoCollection<Document> indexes;

	public Indexes(MongoDatabase database) {
		this.indexes = database.getCollection(COLLECTION);
	}

	static String id(String unitCode, String index, int year) {
		return unitCode + "|" + index + "|" + year;
	}

	/**
	 * Records a published result, replacing the one in force and keeping it in the audit.
	 * @param unitCode the unit
	 * @param index the canonical index name
	 * @param year the year it measures
	 * @param recording what was published and who entered it
	 * @return the result now in force
	 */
	public IndexValue record(String unitCode, String index, int year, Recording recording) {
		String id = id(unitCode, index, year);
		Document entry = recordingDocument(recording);
		this.indexes.updateOne(Filters.eq("_id", id),
				Updates.combine(Updates.set("unitCode", unitCode), Updates.set("index", index),
						Updates.set("year", year), Updates.set("current", entry), Updates.push("audit", entry)),
				new UpdateOptions().upsert(true));
		return find(unitCode, index, year).orElseThrow();
	}

	/** The result in force for the unit, index and year. */
	public Optional<IndexValue> find(String unitCode, String index, int year) {
		return Optional.ofNullable(this.indexes.find(Filters.eq("_id", id(unitCode, index, year))).first())
			.map(Indexes::indexValue);
	}

	/**
	 * Every result recorded for the unit, of the year if given, sorted by year and index.
	 */
	public List<IndexValue> findAll(String unitCode, @Nullable Integer year) {
		List<IndexValue> all = this.indexes.find(Filters.eq("unitCode", unitCode))
			.map(Indexes::indexValue)
			.into(new ArrayList<>());
		all.removeIf((value) -> year != null && value.year() != year);
		all.sort(Comparator.comparingInt(IndexValue::year).thenComparing(IndexValue::index));
		return all;
	}

	private static Document recordingDocument(Recording recording) {
		return new Document("value", (recording.value() != null) ? recording.value().toPlainString() : null)
			.append("level", recording.level())
			.append("rank", recording.rank())
			.append("publishedOn", (recording.publishedOn() != null) ? recording.publishedOn().toString() : null)
			.append("source", recording.source())
			.append("recordedBy", recording.recordedBy())
			.append("recordedAt", Date.from(recording.recordedAt()));
	}

	private static Recording recording(Document document) {
		String value = document.getString("value");
		String publishedOn = document.getString("publishedOn");
		return new Recording((value != null) ? new BigDecimal(value) : null, document.getString("level"),
				document.getInteger("rank"), (publishedOn != null) ? LocalDate.parse(publishedOn) : null,
				document.getString("source"), document.getString("recordedBy"),
				document.getDate("recordedAt").toInstant());
	}

	private static IndexValue indexValue(Document document) {
		Recording current = recording(document.get("current", Document.class));
		List<Recording> audit = new ArrayList<>();
		for (Document entry : document.getList("audit", Document.class, List.of())) {
			audit.add(recording(entry));
		}
		Instant at = current.recordedAt();
		return new IndexValue(document.getString("unitCode"), document.getString("index"), document.getInteger("year"),
				current.value(), current.level(), current.rank(), current.publishedOn(), current.source(),
				current.recordedBy(), at, audit);
	}

}
