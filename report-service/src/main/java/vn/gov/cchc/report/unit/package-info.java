/**
 * The unit tree as this service knows it, projected from the compacted {@code cchc.units}
 * topic (event-carried state transfer: no call to plan-service).
 */
@NullMarked
package vn.gov.cchc.report.unit;

import org.jspecify.annotations.NullMarked;
