/**
 * The plans as this service knows them, projected from {@code cchc.plans} (event-carried
 * state transfer: no call to plan-service). Each plan's newest version gives its
 * activities, targets and reporting regime.
 */
@NullMarked
package vn.gov.cchc.report.plan;

import org.jspecify.annotations.NullMarked;
