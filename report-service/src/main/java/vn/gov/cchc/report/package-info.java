/**
 * The report service. Features: {@code unit} (the unit tree, from {@code cchc.units}),
 * {@code ledger} (progress facts exactly once, from {@code cchc.progress}),
 * {@code totals} (roll-up totals per unit over HTTP); {@code cloudevent} reads the wire
 * envelope and {@code problem} renders RFC 9457 errors.
 */
@NullMarked
package vn.gov.cchc.report;

import org.jspecify.annotations.NullMarked;
