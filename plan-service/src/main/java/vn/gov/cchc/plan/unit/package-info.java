/**
 * The unit tree, versioned by date. Every write publishes whole unit states
 * ({@code UnitRegistered}, {@code UnitChanged}) to the compacted {@code cchc.units}
 * topic, keyed by unit code; nothing is written to the database on the request path. The
 * {@code units} collection is this service's own view of that topic, kept by
 * {@link vn.gov.cchc.plan.unit.UnitEventsConsumer}, and is what the reads and all
 * validation look at.
 *
 * <ul>
 * <li>{@code PUT /api/v1/units}: a batch of whole states, all or nothing
 * ({@link vn.gov.cchc.plan.unit.UnitRegistration}).
 * <li>{@code POST /api/v1/units:import}: CSV or JSON, row by row, with a report of the
 * rejected rows ({@link vn.gov.cchc.plan.unit.UnitImport}).
 * <li>{@code POST /api/v1/units:merge}, {@code :split},
 * {@code /api/v1/units/{code}:move}: reorganisations, which close units and open their
 * successors with links both ways; a merge or split publishes {@code UnitsMerged} or
 * {@code UnitsSplit} before the states, since only states may be the newest record of a
 * code on a compacted topic ({@link vn.gov.cchc.plan.unit.UnitReorganization}).
 * <li>{@code GET /api/v1/units?on=}, {@code /{code}}, {@code /{code}/children?on=}: the
 * tree as it was on a day, each unit with its parent that day; other features ask
 * {@link vn.gov.cchc.plan.unit.Units} ({@code existedOn}, {@code isWithin},
 * {@code childrenOn}).
 * </ul>
 *
 * <p>
 * The reads are for officers, reviewers and administrators, each within what their token
 * may read ({@link vn.gov.cchc.plan.unit.UnitTree} says which tree a read is judged on);
 * every write is the administrator's.
 */
@NullMarked
package vn.gov.cchc.plan.unit;

import org.jspecify.annotations.NullMarked;
