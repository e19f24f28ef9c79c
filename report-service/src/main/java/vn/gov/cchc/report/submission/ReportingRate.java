package vn.gov.cchc.report.submission;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.jspecify.annotations.Nullable;

/**
 * DHIS2's reporting-rate measures for a set of reporting units.
 *
 * @param expected reports owed
 * @param actual reports submitted at least once (submitted, returned after a submission,
 * approved)
 * @param onTime reports whose first submission was on or before the due date
 * @param rate {@code actual / expected} in percent, one decimal, absent when nothing is
 * expected
 * @param onTimeRate {@code onTime / expected} likewise
 */
public record ReportingRate(int expected, int actual, int onTime, @Nullable BigDecimal rate,
		@Nullable BigDecimal onTimeRate) {

	public ReportingRate {
		if (actual > expected || onTime > actual || onTime < 0) {
			throw new IllegalArgumentException(
					"Counts out of order: expected " + expected + ", actual " + actual + ", on time " + onTime);
		}
	}

	/** The measures of the counts. */
	static ReportingRate of(int expected, int actual, int onTime) {
		return new ReportingRate(expected, actual, onTime, percent(actual, expected), percent(onTime, expected));
	}

	/**
	 * The share in percent with one decimal, truncated rather than rounded so that 100.0
	 * means every report and never 1,999 of 2,000.
	 */
	static @Nullable BigDecimal percent(int part, int whole) {
		if (whole == 0) {
			return null;
		}
		return BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 1, RoundingMode.DOWN);
	}

}
