/**
 * The provincial dashboard: a unit at a glance for a plan and period, drill-down by child
 * unit and by activity, time series by week and month, and a server-sent-events stream of
 * figures as they change.
 */
@NullMarked
package vn.gov.cchc.report.dashboard;

import org.jspecify.annotations.NullMarked;
