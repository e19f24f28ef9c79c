package vn.gov.cchc.events;

/**
 * Periodic report types of a reporting regime.
 */
public enum PeriodType {

	MONTH, QUARTER, HALF_YEAR, NINE_MONTHS, YEAR

}
