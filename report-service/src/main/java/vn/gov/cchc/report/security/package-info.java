/**
 * Who may call which endpoint of the report service, by role (the unit-by-unit rules are
 * in the endpoints, with the caller's reading scope over the unit tree), and how the API
 * document describes it.
 */
@NullMarked
package vn.gov.cchc.report.security;

import org.jspecify.annotations.NullMarked;
