package vn.gov.cchc.report.indicator;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import vn.gov.cchc.events.PlanDetails.Target.Comparison;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Comparisons, gaps and the way numbers are written.
 */
class ThresholdsTests {

	@Test
	void aShareIsKeptInPlainFormEvenAtAHundredPercent() {
		assertThat(Thresholds.percent(5, 5).toString()).isEqualTo("100");
		assertThat(Thresholds.percent(26, 29).toString()).isEqualTo("89.66");
		assertThat(Thresholds.percent(1, 2).toString()).isEqualTo("50");
		assertThat(Thresholds.percent(0, 3).toString()).isEqualTo("0");
	}

	@Test
	void aboutAcceptsFivePercentEitherSide() {
		BigDecimal threshold = new BigDecimal("68.9");

		assertThat(Thresholds.met(new BigDecimal("65.46"), Comparison.ABOUT, threshold)).isTrue();
		assertThat(Thresholds.met(new BigDecimal("65.45"), Comparison.ABOUT, threshold)).isFalse();
		assertThat(Thresholds.met(new BigDecimal("72.34"), Comparison.ABOUT, threshold)).isTrue();
		assertThat(Thresholds.met(new BigDecimal("72.35"), Comparison.ABOUT, threshold)).isFalse();
	}

	@Test
	void aGapIsPositiveWhenBetterThanRequired() {
		assertThat(Thresholds.gap(BigDecimal.valueOf(12), Comparison.AT_LEAST, BigDecimal.valueOf(8), false))
			.isEqualByComparingTo("4");
		assertThat(Thresholds.gap(BigDecimal.valueOf(25), Comparison.AT_MOST, BigDecimal.valueOf(30), true))
			.isEqualByComparingTo("5");
		assertThat(Thresholds.gap(BigDecimal.valueOf(500), Comparison.AT_MOST, BigDecimal.valueOf(400), false))
			.isEqualByComparingTo("-100");
	}

	@Test
	void numbersAreWrittenTheVietnameseWay() {
		assertThat(Thresholds.number(new BigDecimal("68.90"))).isEqualTo("68,9");
		assertThat(Thresholds.number(new BigDecimal("1250000"))).isEqualTo("1.250.000");
		assertThat(Thresholds.number(new BigDecimal("-1.14"))).isEqualTo("-1,14");
		assertThat(Thresholds.number(new BigDecimal("1E+2"))).isEqualTo("100");
	}

	@Test
	void levelsAreOrderedAndReadWhateverTheCase() {
		assertThat(Thresholds.levelRank("Khá")).isLessThan(Thresholds.levelRank("Tốt"));
		assertThat(Thresholds.levelRank("xuất sắc")).isEqualTo(4);
		assertThat(Thresholds.canonicalLevel("trung bình")).isEqualTo("Trung bình");
		assertThat(Thresholds.levelRank("Giỏi")).isEqualTo(-1);
	}

}
