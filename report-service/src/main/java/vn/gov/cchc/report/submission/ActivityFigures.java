package vn.gov.cchc.report.submission;

import vn.gov.cchc.report.figures.Tally;

/**
 * One row of a report's table: an activity of the plan and what the unit's subtree did
 * for it in the period.
 *
 * @param activityId the activity, e.g. {@code HD05}
 * @param title its title in the plan, or the id if the plan does not name it
 * @param tally the figures
 */
public record ActivityFigures(String activityId, String title, Tally tally) {

}
