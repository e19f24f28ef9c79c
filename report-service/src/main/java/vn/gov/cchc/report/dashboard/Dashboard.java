package vn.gov.cchc.report.dashboard;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;
import vn.gov.cchc.events.DatedUnitTree;
import vn.gov.cchc.events.PlanDetails;
import vn.gov.cchc.events.PlanDetails.Activity;
import vn.gov.cchc.events.UnitDetails;
import vn.gov.cchc.events.UnitKind;
import vn.gov.cchc.report.figures.Figures;
import vn.gov.cchc.report.figures.Tally;
import vn.gov.cchc.report.period.Period;
import vn.gov.cchc.report.submission.ReportingRates;
import vn.gov.cchc.report.indicator.TargetEvaluator;
import vn.gov.cchc.report.indicator.TargetResult;
import vn.gov.cchc.report.unit.Units;

import org.springframework.stereotype.Component;

/**
 * Assembles the dashboard's answers from the figures, the tree of the period's end, the
 * target evaluation and the reporting rates. A unit's figures here are always rolled up
 * (its subtree included, each fact on the tree of its date); its children are those of
 * the tree valid on the period's last day, the tree the period is reported on.
 */
@Component
class Dashboard {

	private final Units units;

	private final Figures figures;

	private final TargetEvaluator targets;

	private final ReportingRates rates;

	Dashboard(Units units, Figures figures, TargetEvaluator targets, ReportingRates rates) {
		this.units = units;
		this.figures = figures;
		this.targets = targets;
		this.rates = rates;
	}

	/** The unit at a glance for the plan and period. */
	Overview overview(UnitDetails unit, PlanDetails plan, Period period) {
		DatedUnitTree<UnitDetails> tree = this.units.tree();
		SortedMap<String, Tally> byActivity = this.figures.byActivity(unit.code(), plan.planId(), period.start(),
				period.end());
		List<TargetResult> results = this.targets.evaluate(plan, unit.code(), period, tree);
		long met = results.stream().filter((result) -> Boolean.TRUE.equals(result.met())).count();
		long notMet = results.stream().filter((result) -> Boolean.FALSE.equals(result.met())).count();
		List<ChildTotal> children = new ArrayList<>();
		for (UnitDetails child : tree.childrenOn(unit.code(), period.end())) {
			children.add(new ChildTotal(child.code(), child.name(), child.kind(),
					this.figures.total(child.code(), plan.planId(), period.start(), period.end())));
		}
		// Rates only for a period the plan asks a report for: a quarter of a plan that
		// reports by half-year has no submissions to count.
		boolean reported = period.reported() && plan.reporting().periods().contains(period.type());
		return new Overview(unit.code(), unit.name(), unit.kind(), plan.planId(), plan.title(), PeriodView.of(period),
				sum(byActivity), activities(plan, byActivity),
				new TargetSummary(met, notMet, results.size() - met - notMet, results), children,
				reported ? this.rates.of(plan, period, unit.code()) : null);
	}

	/** Each child of the unit on the period's tree, with its figures per activity. */
	Children children(UnitDetails unit, PlanDetails plan, Period period) {
		List<ChildFigures> children = new ArrayList<>();
		for (UnitDetails child : this.units.tree().childrenOn(unit.code(), period.end())) {
			SortedMap<String, Tally> byActivity = this.figures.byActivity(child.code(), plan.planId(), period.start(),
					period.end());
			children.add(new ChildFigures(child.code(), child.name(), child.kind(), sum(byActivity),
					activities(plan, byActivity)));
		}
		return new Children(unit.code(), unit.name(), plan.planId(), PeriodView.of(period), children);
	}

	/**
	 * One activity: its figures for the unit per metric and per child, and its cadence.
	 */
	ActivityView activity(UnitDetails unit, PlanDetails plan, Activity activity, Period period) {
		Tally total = this.figures.byActivity(unit.code(), plan.planId(), period.start(), period.end())
			.getOrDefault(activity.activityId(), Tally.ZERO);
		List<ChildActivity> children = new ArrayList<>();
		for (UnitDetails child : this.units.tree().childrenOn(unit.code(), period.end())) {
			Tally tally = this.figures.byActivity(child.code(), plan.planId(), period.start(), period.end())
				.getOrDefault(activity.activityId(), Tally.ZERO);
			children.add(new ChildActivity(child.code(), child.name(), child.kind(), tally, byMetric(activity, tally)));
		}
		return new ActivityView(unit.code(), unit.name(), plan.planId(), PeriodView.of(period), activity.activityId(),
				activity.title(), activity.cadence(), activity.metrics(), total, byMetric(activity, total), children);
	}

	/**
	 * The unit's figures per week or month over the days, of one activity or all; every
	 * bucket present, each summing only the days from {@code from} to {@code to}.
	 */
	Series series(UnitDetails unit, PlanDetails plan, LocalDate from, LocalDate to, SeriesBy by,
			@Nullable String activityId) {
		SortedMap<LocalDate, Map<String, Tally>> daily = this.figures.daily(unit.code(), plan.planId(), from, to);
		List<SeriesPoint> points = new ArrayList<>();
		for (SeriesBy.Bucket bucket : by.buckets(from, to)) {
			Tally tally = daily.subMap(bucket.firstDay(), bucket.lastDay().plusDays(1))
				.values()
				.stream()
				.map((activities) -> (activityId != null) ? activities.getOrDefault(activityId, Tally.ZERO)
						: sum(activities))
				.reduce(Tally.ZERO, Tally::plus);
			points.add(new SeriesPoint(bucket.label(), bucket.firstDay(), bucket.lastDay(), tally));
		}
		return new Series(unit.code(), unit.name(), plan.planId(), from, to, by, activityId, points);
	}

	private static Tally sum(Map<String, Tally> byActivity) {
		return byActivity.values().stream().reduce(Tally.ZERO, Tally::plus);
	}

	/**
	 * Every activity of the plan in its order, zero when nothing was reported, then any
	 * activity reported that the plan's current version no longer has.
	 */
	private static List<ActivityFigures> activities(PlanDetails plan, Map<String, Tally> byActivity) {
		Map<String, ActivityFigures> activities = new LinkedHashMap<>();
		for (Activity activity : plan.activities()) {
			activities.put(activity.activityId(), new ActivityFigures(activity.activityId(), activity.title(),
					byActivity.getOrDefault(activity.activityId(), Tally.ZERO)));
		}
		byActivity.forEach((activityId, tally) -> activities.putIfAbsent(activityId,
				new ActivityFigures(activityId, activityId, tally)));
		return List.copyOf(activities.values());
	}

	/** The activity's metrics, zero when not reported, then any other metric reported. */
	private static Map<String, Long> byMetric(Activity activity, Tally tally) {
		Map<String, Long> byMetric = new LinkedHashMap<>();
		activity.metrics().forEach((metric) -> byMetric.put(metric, tally.quantity(metric)));
		new TreeMap<>(tally.quantities()).forEach(byMetric::putIfAbsent);
		return byMetric;
	}

	/**
	 * A period as the dashboard shows it.
	 *
	 * @param id e.g. {@code 2022-H1}
	 * @param start its first day
	 * @param end its cut-off
	 */
	record PeriodView(String id, LocalDate start, LocalDate end) {

		static PeriodView of(Period period) {
			return new PeriodView(period.id(), period.start(), period.end());
		}

	}

	/**
	 * The overview of a unit.
	 *
	 * @param unitCode the unit
	 * @param name its name
	 * @param kind its kind
	 * @param planId the plan
	 * @param planTitle the plan's title
	 * @param period the period
	 * @param total all activities together
	 * @param activities per activity of the plan, in the plan's order
	 * @param targets the targets that apply to the unit and how many are met
	 * @param children the unit's children on the period's tree with their totals
	 * @param reporting for a reported period, the reporting rates of the unit's subtree
	 * per level and the units late or overdue with their contacts
	 */
	record Overview(String unitCode, String name, UnitKind kind, String planId, String planTitle, PeriodView period,
			Tally total, List<ActivityFigures> activities, TargetSummary targets, List<ChildTotal> children,
			ReportingRates.@Nullable Rates reporting) {

	}

	/**
	 * An activity's figures.
	 *
	 * @param activityId its id
	 * @param title its title in the plan
	 * @param figures its figures
	 */
	record ActivityFigures(String activityId, String title, Tally figures) {

	}

	/**
	 * Targets counted by outcome.
	 *
	 * @param met how many are met
	 * @param notMet how many are not
	 * @param unknown how many cannot be told yet
	 * @param results each target
	 */
	record TargetSummary(long met, long notMet, long unknown, List<TargetResult> results) {

	}

	/**
	 * A child unit's total.
	 *
	 * @param unitCode the child
	 * @param name its name
	 * @param kind its kind
	 * @param total its figures, all activities together
	 */
	record ChildTotal(String unitCode, String name, UnitKind kind, Tally total) {

	}

	/**
	 * The drill-down by unit.
	 *
	 * @param unitCode the unit
	 * @param name its name
	 * @param planId the plan
	 * @param period the period
	 * @param children each child with its figures
	 */
	record Children(String unitCode, String name, String planId, PeriodView period, List<ChildFigures> children) {

	}

	/**
	 * A child's figures.
	 *
	 * @param unitCode the child
	 * @param name its name
	 * @param kind its kind
	 * @param total all activities together
	 * @param activities per activity of the plan
	 */
	record ChildFigures(String unitCode, String name, UnitKind kind, Tally total, List<ActivityFigures> activities) {

	}

	/**
	 * The drill-down by activity.
	 *
	 * @param unitCode the unit
	 * @param name its name
	 * @param planId the plan
	 * @param period the period
	 * @param activityId the activity
	 * @param title its title
	 * @param cadence how often the plan wants it done
	 * @param metrics what it is counted in
	 * @param total the unit's figures for it
	 * @param byMetric the unit's quantity per metric, the activity's metrics first
	 * @param children each child's figures for it
	 */
	record ActivityView(String unitCode, String name, String planId, PeriodView period, String activityId, String title,
			PlanDetails.Cadence cadence, List<String> metrics, Tally total, Map<String, Long> byMetric,
			List<ChildActivity> children) {

	}

	/**
	 * A child's figures for one activity.
	 *
	 * @param unitCode the child
	 * @param name its name
	 * @param kind its kind
	 * @param figures its figures for the activity
	 * @param byMetric its quantity per metric
	 */
	record ChildActivity(String unitCode, String name, UnitKind kind, Tally figures, Map<String, Long> byMetric) {

	}

	/**
	 * A time series.
	 *
	 * @param unitCode the unit
	 * @param name its name
	 * @param planId the plan
	 * @param from the first day counted
	 * @param to the last day counted
	 * @param by weeks or months
	 * @param activityId the activity, absent for all
	 * @param buckets every week or month touching the days, in order
	 */
	record Series(String unitCode, String name, String planId, LocalDate from, LocalDate to, SeriesBy by,
			@Nullable String activityId, List<SeriesPoint> buckets) {

	}

	/**
	 * One bucket's figures.
	 *
	 * @param label {@code 2022-W19} or {@code 2022-05}
	 * @param firstDay the bucket's first day
	 * @param lastDay its last day
	 * @param figures the figures of its days that lie in the series' span
	 */
	record SeriesPoint(String label, LocalDate firstDay, LocalDate lastDay, Tally figures) {

	}

}
