package vn.gov.cchc.report.submission;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import vn.gov.cchc.events.PlanDetails;
import vn.gov.cchc.report.figures.Tally;

/**
 * A unit's figures for a period as compiled at one moment: one row per activity of the
 * plan (activities without figures show zero, so the table has the plan's shape), plus
 * any activity id the figures hold that the plan no longer lists.
 *
 * @param compiledAt when they were read
 * @param total all activities together
 * @param activities per activity, in the plan's order
 */
public record CompiledFigures(Instant compiledAt, Tally total, List<ActivityFigures> activities) {

	public CompiledFigures {
		activities = List.copyOf(activities);
	}

	/** The rows of the plan filled with the figures per activity. */
	public static CompiledFigures of(PlanDetails plan, SortedMap<String, Tally> byActivity, Instant compiledAt) {
		Map<String, Tally> left = new TreeMap<>(byActivity);
		List<ActivityFigures> rows = new ArrayList<>();
		for (PlanDetails.Activity activity : plan.activities()) {
			Tally tally = left.remove(activity.activityId());
			rows.add(
					new ActivityFigures(activity.activityId(), activity.title(), (tally != null) ? tally : Tally.ZERO));
		}
		left.forEach((activityId, tally) -> rows.add(new ActivityFigures(activityId, activityId, tally)));
		Tally total = byActivity.values().stream().reduce(Tally.ZERO, Tally::plus);
		return new CompiledFigures(compiledAt, total, rows);
	}

	/** The figures of one activity, zero if it has no row. */
	public Tally of(String activityId) {
		return this.activities.stream()
			.filter((row) -> row.activityId().equals(activityId))
			.map(ActivityFigures::tally)
			.findFirst()
			.orElse(Tally.ZERO);
	}

}
