package vn.gov.cchc.report.counting;

/**
 * What the first stage makes of a record of {@code cchc.progress}: the changes it makes
 * to the figures of each unit of its roll-up, or the record itself refused for good.
 */
sealed interface FactOutcome permits Delta, Refused {

}
