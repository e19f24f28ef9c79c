/**
 * The report service. Features: {@code unit} (the unit tree by date, from
 * {@code cchc.units}), {@code plan} (plans, from {@code cchc.plans}), {@code ledger}
 * (progress facts, corrections and retractions exactly once, from {@code cchc.progress}),
 * {@code figures} (per unit, plan, activity and day, rolled up on the tree of each fact's
 * date), {@code totals} (all-time totals per unit), {@code period} (reporting periods,
 * cut-offs and due dates), {@code target} (target evaluation and published indexes),
 * {@code submission} (periodic reports, their lifecycle and events, reporting rates),
 * {@code export} (Word and Excel documents) and {@code dashboard} (the provincial
 * dashboard's API and live stream). Shared: {@code web} reads request parameters into
 * platform-web's problems, {@code store} holds MongoDB idioms, {@code security} says
 * which roles call which endpoint (every request carries the issuer's access token; the
 * endpoints check the units against the caller's scope). The wire envelope is
 * platform-messaging's, the RFC 9457 errors platform-web's.
 */
@NullMarked
package vn.gov.cchc.report;

import org.jspecify.annotations.NullMarked;
