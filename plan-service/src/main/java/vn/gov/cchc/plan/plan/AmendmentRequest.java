package vn.gov.cchc.plan.plan;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;
import vn.gov.cchc.events.ContentArea;

/**
 * The body of {@code POST /api/v1/plans/{planId}:amend}: the whole plan as amended (the
 * fields of {@link PlanRequest}), why, and when.
 *
 * @param number official number
 * @param title title
 * @param issuerCode issuing unit; an amendment cannot change it
 * @param from first day covered
 * @param to last day covered
 * @param basis parent plan and documents cited
 * @param contentAreas reform areas
 * @param activities appendix rows
 * @param targets commitments
 * @param budgetVnd total budget in whole VND
 * @param budgetNote where the money comes from
 * @param reporting reporting regime
 * @param reason why the plan is amended (required)
 * @param amendedOn date of the amending document; today (Vietnam) when absent
 * @param revision the revision the amendment was made on, as last read
 */
public record AmendmentRequest(@Nullable String number, @Nullable String title, @Nullable String issuerCode,
		@Nullable LocalDate from, @Nullable LocalDate to, PlanRequest.@Nullable Basis basis,
		@Nullable List<@Nullable ContentArea> contentAreas, @Nullable List<PlanRequest.@Nullable Activity> activities,
		@Nullable List<PlanRequest.@Nullable Target> targets, @Nullable Long budgetVnd, @Nullable String budgetNote,
		PlanRequest.@Nullable Reporting reporting, @Nullable String reason, @Nullable LocalDate amendedOn,
		@Nullable Long revision) {

	PlanRequest plan() {
		return new PlanRequest(this.number, this.title, this.issuerCode, this.from, this.to, this.basis,
				this.contentAreas, this.activities, this.targets, this.budgetVnd, this.budgetNote, this.reporting,
				this.revision);
	}

}
