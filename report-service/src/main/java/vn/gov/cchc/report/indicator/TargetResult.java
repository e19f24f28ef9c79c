package vn.gov.cchc.report.indicator;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;
import vn.gov.cchc.events.PlanDetails.Target;

/**
 * How one target stands for one unit and period.
 * <p>
 * {@code gap} is in the unit of the compared quantity and signed so that a positive gap
 * is better than required: {@code actual − threshold} when more is better,
 * {@code threshold − actual} for an upper bound ({@code AT_MOST}) or a rank (lower is
 * better). For {@code EQUAL} and {@code ABOUT} it is the same signed difference, so 0 is
 * exact and the sign tells on which side the result lies. A cadence target measured as a
 * count or minutes per week compares the share of weeks met with 100%, so its gap is in
 * percentage points.
 *
 * @param targetId the target's id in the plan
 * @param description the target as written
 * @param kind coverage, cadence, quantity or index
 * @param measure what the threshold measures
 * @param comparison how the result is compared with the threshold
 * @param threshold the plan's value; absent for a named level
 * @param level the plan's named level, for {@code LEVEL}
 * @param actual what was reached (a share in percent for coverage and cadence); absent
 * when unknown
 * @param actualLevel the level reached, for {@code LEVEL}
 * @param met whether the target is met; absent while unknown (no published value, a
 * period not over yet with the target not reached so far, nothing to count)
 * @param gap how far the result is from the threshold, see above; absent when unknown
 * @param detail what the numbers mean, in Vietnamese
 * @param numerator the units (or unit-weeks) that count as done, for a share
 * @param denominator all units (or unit-weeks) counted, for a share
 */
public record TargetResult(String targetId, String description, Target.Kind kind, Target.Measure measure,
		Target.Comparison comparison, @Nullable BigDecimal threshold, @Nullable String level,
		@Nullable BigDecimal actual, @Nullable String actualLevel, @Nullable Boolean met, @Nullable BigDecimal gap,
		String detail, @Nullable Long numerator, @Nullable Long denominator) {

	static TargetResult unknown(Target target, String detail) {
		return new TargetResult(target.targetId(), target.description(), target.kind(), target.measure(),
				target.comparison(), target.value(), target.level(), null, null, null, null, detail, null, null);
	}

}
