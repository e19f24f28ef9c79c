package vn.gov.cchc.report.indicator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import vn.gov.cchc.events.PlanDetails.Target.Comparison;
import vn.gov.cchc.report.export.VietnameseText;

/**
 * Comparing a result with a target's threshold, and writing numbers the Vietnamese way.
 */
final class Thresholds {

	/** {@code ABOUT} accepts a result within this share of the threshold either side. */
	static final BigDecimal ABOUT_TOLERANCE = new BigDecimal("0.05");

	/** The levels an index group can be published in, worst first. */
	static final List<String> LEVELS = List.of("Yếu", "Trung bình", "Khá", "Tốt", "Xuất sắc");

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	private Thresholds() {
	}

	/** Whether the actual value satisfies the comparison with the threshold. */
	static boolean met(BigDecimal actual, Comparison comparison, BigDecimal threshold) {
		return switch (comparison) {
			case AT_LEAST -> actual.compareTo(threshold) >= 0;
			case AT_MOST -> actual.compareTo(threshold) <= 0;
			case EQUAL -> actual.compareTo(threshold) == 0;
			case ABOUT -> actual.subtract(threshold).abs().compareTo(threshold.abs().multiply(ABOUT_TOLERANCE)) <= 0;
		};
	}

	/**
	 * The signed distance from the threshold, positive when better than required; see
	 * {@link TargetResult}.
	 * @param lowerIsBetter a rank: a smaller number is a better result
	 */
	static BigDecimal gap(BigDecimal actual, Comparison comparison, BigDecimal threshold, boolean lowerIsBetter) {
		return (comparison == Comparison.AT_MOST || lowerIsBetter) ? threshold.subtract(actual)
				: actual.subtract(threshold);
	}

	/** The share in percent, two decimals. */
	static BigDecimal percent(long numerator, long denominator) {
		BigDecimal share = BigDecimal.valueOf(numerator)
			.multiply(HUNDRED)
			.divide(BigDecimal.valueOf(denominator), 2, RoundingMode.HALF_UP)
			.stripTrailingZeros();
		// 100 stripped is 1E+2, which JSON would carry in exponent form.
		return (share.scale() < 0) ? share.setScale(0, RoundingMode.UNNECESSARY) : share;
	}

	/** 100 as a share. */
	static BigDecimal all() {
		return HUNDRED;
	}

	/** The rank of a level, 0 for the worst; -1 if it is not one of {@link #LEVELS}. */
	static int levelRank(String level) {
		String wanted = level.strip();
		for (int i = 0; i < LEVELS.size(); i++) {
			if (LEVELS.get(i).equalsIgnoreCase(wanted)) {
				return i;
			}
		}
		return -1;
	}

	/** The canonical spelling of a level, or the input if it is not one. */
	static String canonicalLevel(String level) {
		int rank = levelRank(level);
		return (rank >= 0) ? LEVELS.get(rank) : level;
	}

	/** A number as Vietnamese text writes it: {@code 68,9}, {@code 1.250}. */
	static String number(BigDecimal value) {
		return VietnameseText.cell(value);
	}

	/** How the comparison reads before a threshold: {@code ≥ 8}. */
	static String comparisonText(Comparison comparison) {
		return switch (comparison) {
			case AT_LEAST -> "≥";
			case AT_MOST -> "≤";
			case EQUAL -> "=";
			case ABOUT -> "khoảng";
		};
	}

}
