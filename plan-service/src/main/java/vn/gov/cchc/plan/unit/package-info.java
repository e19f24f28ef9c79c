/**
 * The unit tree, versioned by date: writes publish whole unit states to
 * {@code cchc.units}; the {@code units} view kept from that topic serves the reads and
 * all validation.
 *
 * <p>
 * Why: docs/units.md, "The unit tree by date (plan-service)".
 */
@NullMarked
package vn.gov.cchc.plan.unit;

import org.jspecify.annotations.NullMarked;
