package vn.gov.cchc.report.figures;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;

import org.springframework.stereotype.Component;

/**
 * The {@code figures} collection: one document per unit, plan and calendar month, with
 * the figures per day and activity.
 *
 * <p>
 * Why: docs/reporting.md, "The figures collection (Figures)".
 */
@Component
public class Figures {

	static final String COLLECTION = "figures";

	private static final Pattern METRIC_NAME = Pattern.compile("^[a-z][a-zA-Z0-9_]{0,39}$");

	private static final Pattern ACTIVITY_ID = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$");

	private final MongoCollection<Document> figures;

	public Figures(MongoDatabase database) {
		this.figures = database.getCollection(COLLECTION);
	}

	/** Whether a metric name may become part of a field path. */
	public static boolean isMetricName(String name) {
		return METRIC_NAME.matcher(name).matches();
	}

	/**
	 * Whether an activity id may become part of a field path (once its dots are
	 * replaced).
	 */
	public static boolean isActivityId(String activityId) {
		return ACTIVITY_ID.matcher(activityId).matches();
	}

	static String documentId(String unitCode, String planId, YearMonth month) {
		return unitCode + "|" + planId + "|" + month;
	}

	/**
	 * The unit's figures for the plan per day and activity, days from {@code from} to
	 * {@code to} inclusive; days and activities without figures are absent.
	 */
	public SortedMap<LocalDate, Map<String, Tally>> daily(String unitCode, String planId, LocalDate from,
			LocalDate to) {
		SortedMap<LocalDate, Map<String, Tally>> daily = new TreeMap<>();
		for (YearMonth month = YearMonth.from(from); !month.isAfter(YearMonth.from(to)); month = month.plusMonths(1)) {
			find(unitCode, planId, month).ifPresent((figures) -> figures.days().forEach((day, activities) -> {
				if (!day.isBefore(from) && !day.isAfter(to)) {
					daily.put(day, activities);
				}
			}));
		}
		return daily;
	}

	/** The unit's figures for the plan per activity over the days, sorted by activity. */
	public SortedMap<String, Tally> byActivity(String unitCode, String planId, LocalDate from, LocalDate to) {
		SortedMap<String, Tally> byActivity = new TreeMap<>();
		daily(unitCode, planId, from, to).values()
			.forEach((activities) -> activities
				.forEach((activity, tally) -> byActivity.merge(activity, tally, Tally::plus)));
		return byActivity;
	}

	/** The unit's figures for the plan over the days, all activities together. */
	public Tally total(String unitCode, String planId, LocalDate from, LocalDate to) {
		return byActivity(unitCode, planId, from, to).values().stream().reduce(Tally.ZERO, Tally::plus);
	}

	/** One month's document. */
	public Optional<MonthFigures> find(String unitCode, String planId, YearMonth month) {
		Document document = this.figures.find(Filters.eq("_id", documentId(unitCode, planId, month))).first();
		return Optional.ofNullable(document).map((found) -> monthFigures(unitCode, planId, month, found));
	}

	/**
	 * Writes the changed figures of each month's document, with the document's version,
	 * in one bulk write: one update by {@code _id} per document, setting the whole state
	 * of each changed day and activity, so that a write repeated after a crash is
	 * harmless.
	 * @param changes the changed documents
	 */
	public void writeAll(Collection<MonthChange> changes) {
		if (changes.isEmpty()) {
			return;
		}
		List<WriteModel<Document>> writes = new ArrayList<>(changes.size());
		for (MonthChange change : changes) {
			MonthFigures month = change.figures();
			List<Bson> updates = new ArrayList<>();
			month.days()
				.forEach((day, activities) -> activities.forEach((activity, tally) -> updates
					.add(Updates.set("days.d" + dayKey(day) + "." + activityKey(activity), tallyDocument(tally)))));
			updates.add(Updates.set("version", change.version()));
			updates.add(Updates.setOnInsert("unitCode", month.unitCode()));
			updates.add(Updates.setOnInsert("planId", month.planId()));
			updates.add(Updates.setOnInsert("month", month.month().toString()));
			writes.add(new UpdateOneModel<>(Filters.eq("_id", month.id()), Updates.combine(updates),
					new UpdateOptions().upsert(true)));
		}
		this.figures.bulkWrite(writes, new BulkWriteOptions().ordered(false));
	}

	/** Removes every document, before the figures are counted again from the log. */
	public void clear() {
		this.figures.deleteMany(new Document());
	}

	/**
	 * A change of a month's document: the whole state of the days and activities that
	 * changed, and the version the counting gave the document.
	 *
	 * @param figures the changed days and activities of the month
	 * @param version the document's version
	 */
	public record MonthChange(MonthFigures figures, long version) {

	}

	private static MonthFigures monthFigures(String unitCode, String planId, YearMonth month, Document document) {
		Map<LocalDate, Map<String, Tally>> days = new TreeMap<>();
		Document storedDays = document.get("days", Document.class);
		if (storedDays != null) {
			storedDays.forEach((dayKey, activities) -> {
				Map<String, Tally> byActivity = new TreeMap<>();
				((Document) activities).forEach(
						(activityKey, tally) -> byActivity.put(activityKey.replace('~', '.'), tally((Document) tally)));
				days.put(month.atDay(Integer.parseInt(dayKey.substring(1))), byActivity);
			});
		}
		return new MonthFigures(unitCode, planId, month, days);
	}

	/**
	 * A tally read from its stored form, {@code {events, budgetSpentVnd, quantities:
	 * {metric: quantity}}}: a day's cell here, a unit's whole totals in {@code totals}.
	 */
	public static Tally tally(Document document) {
		Map<String, Long> quantities = new TreeMap<>();
		Document stored = document.get("quantities", Document.class);
		if (stored != null) {
			stored.forEach((metric, quantity) -> quantities.put(metric, ((Number) quantity).longValue()));
		}
		return new Tally(number(document, "events"), number(document, "budgetSpentVnd"), quantities);
	}

	/** A tally in its stored form (see {@link #tally(Document)}). */
	public static Document tallyDocument(Tally tally) {
		Document quantities = new Document();
		tally.quantities().forEach((metric, quantity) -> {
			if (!isMetricName(metric)) {
				throw new IllegalArgumentException("Metric name not allowed as a field name: " + metric);
			}
			quantities.put(metric, quantity);
		});
		return new Document("events", tally.events()).append("budgetSpentVnd", tally.budgetSpentVnd())
			.append("quantities", quantities);
	}

	private static long number(Document document, String field) {
		Object value = document.get(field);
		return (value != null) ? ((Number) value).longValue() : 0L;
	}

	private static String dayKey(LocalDate day) {
		return (day.getDayOfMonth() < 10) ? "0" + day.getDayOfMonth() : String.valueOf(day.getDayOfMonth());
	}

	private static String activityKey(String activityId) {
		if (!isActivityId(activityId)) {
			throw new IllegalArgumentException("Activity id not allowed in a field path: " + activityId);
		}
		return activityId.replace('.', '~');
	}

}
