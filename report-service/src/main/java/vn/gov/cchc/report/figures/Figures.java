package vn.gov.cchc.report.figures;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import vn.gov.cchc.report.store.GuardedUpsert;

import org.springframework.stereotype.Component;

/**
 * The {@code figures} collection: one document per unit, plan and calendar month,
 * {@code _id = "<unit>|<plan>|<yyyy-MM>"}, with the figures per day and activity under
 * {@code days.d
 *
<dd>.<activity>} ({@code events}, {@code budgetSpentVnd}, {@code quantities.<metric>}) and
 * the exactly-once guards under {@code applied}.
 * <p>
 * Why per day and month: a reporting period's window depends on the plan's regime (Decree
 * 09 cuts on the 14th, a plan may move the year's cut-off to November), so the figures
 * keep the day and a period's figures are summed from the months it spans (at most 13
 * documents read by id). The embedded store ignores secondary indexes, so every read here
 * is by {@code _id}.
 * <p>
 * Activity ids may hold a {@code .}, which cannot be part of a field path; it is stored
 * as {@code ~}, which an activity id cannot hold. Metric names are checked against the
 * contract's pattern before they become field names.
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
	 * Applies the effects read at {@code (partition, offset)} exactly once per document:
	 * the effects are grouped by document, and each document gets one single-document
	 * update that does the increments and sets {@code applied.p<partition>} only if that
	 * guard is lower than the offset (see {@code LedgerApplier} for why this is exact).
	 * @param effects the signed effects of one ledger entry
	 * @param partition the Kafka partition the entry was read from
	 * @param offset its offset there
	 * @return how many documents were changed now (the others already had this offset)
	 */
	public int applyOnce(List<Effect> effects, int partition, long offset) {
		if (partition < 0 || offset < 0) {
			throw new IllegalArgumentException("Invalid partition " + partition + " or offset " + offset);
		}
		Map<String, List<Effect>> byDocument = new LinkedHashMap<>();
		effects.forEach(
				(effect) -> byDocument.computeIfAbsent(effect.documentId(), (id) -> new ArrayList<>()).add(effect));
		int changed = 0;
		for (List<Effect> documentEffects : byDocument.values()) {
			if (applyOnce(documentEffects, partition, offset, documentEffects.get(0))) {
				changed++;
			}
		}
		return changed;
	}

	private boolean applyOnce(List<Effect> effects, int partition, long offset, Effect first) {
		String applied = "applied.p" + partition;
		Bson filter = Filters.and(Filters.eq("_id", first.documentId()),
				Filters.or(Filters.lt(applied, offset), Filters.exists(applied, false)));
		Map<String, Long> increments = new TreeMap<>();
		for (Effect effect : effects) {
			String path = "days.d" + dayKey(effect.date()) + "." + activityKey(effect.activityId());
			increments.merge(path + ".events", effect.tally().events(), Long::sum);
			increments.merge(path + ".budgetSpentVnd", effect.tally().budgetSpentVnd(), Long::sum);
			effect.tally().quantities().forEach((metric, quantity) -> {
				if (!isMetricName(metric)) {
					throw new IllegalArgumentException("Metric name not allowed in a field path: " + metric);
				}
				increments.merge(path + ".quantities." + metric, quantity, Long::sum);
			});
		}
		List<Bson> updates = new ArrayList<>();
		increments.forEach((path, amount) -> updates.add(Updates.inc(path, amount)));
		updates.add(Updates.set(applied, offset));
		updates.add(Updates.setOnInsert("unitCode", first.unitCode()));
		updates.add(Updates.setOnInsert("planId", first.planId()));
		updates.add(Updates.setOnInsert("month", YearMonth.from(first.date()).toString()));
		return GuardedUpsert.apply(this.figures, filter, Updates.combine(updates));
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

	/** Every document, for comparisons of live and rebuilt figures. */
	public List<MonthFigures> findAll() {
		List<MonthFigures> all = new ArrayList<>();
		for (Document document : this.figures.find()) {
			all.add(monthFigures(document.getString("unitCode"), document.getString("planId"),
					YearMonth.parse(document.getString("month")), document));
		}
		return all;
	}

	/**
	 * Makes the collection hold exactly the given documents, each with the given
	 * {@code applied} positions.
	 * @return how many documents not in {@code rebuilt} were removed
	 */
	public long replaceAll(Collection<MonthFigures> rebuilt, Map<Integer, Long> appliedOffsets) {
		List<String> ids = new ArrayList<>();
		Document applied = new Document();
		appliedOffsets.forEach((partition, offset) -> applied.put("p" + partition, offset));
		for (MonthFigures month : rebuilt) {
			Document days = new Document();
			month.days().forEach((day, activities) -> {
				Document byActivity = new Document();
				activities.forEach((activity, tally) -> byActivity.put(activityKey(activity), tallyDocument(tally)));
				days.put("d" + dayKey(day), byActivity);
			});
			Document document = new Document("_id", month.id()).append("unitCode", month.unitCode())
				.append("planId", month.planId())
				.append("month", month.month().toString())
				.append("days", days)
				.append("applied", applied);
			this.figures.replaceOne(Filters.eq("_id", month.id()), document, new ReplaceOptions().upsert(true));
			ids.add(month.id());
		}
		return this.figures.deleteMany(Filters.nin("_id", ids)).getDeletedCount();
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

	private static Tally tally(Document document) {
		Map<String, Long> quantities = new TreeMap<>();
		Document stored = document.get("quantities", Document.class);
		if (stored != null) {
			stored.forEach((metric, quantity) -> quantities.put(metric, ((Number) quantity).longValue()));
		}
		return new Tally(number(document, "events"), number(document, "budgetSpentVnd"), quantities);
	}

	private static Document tallyDocument(Tally tally) {
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
