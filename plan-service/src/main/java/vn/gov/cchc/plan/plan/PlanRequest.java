package vn.gov.cchc.plan.plan;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;

import org.jspecify.annotations.Nullable;
import vn.gov.cchc.events.ActivityForm;
import vn.gov.cchc.events.ContentArea;
import vn.gov.cchc.events.EvidenceKind;
import vn.gov.cchc.events.PeriodType;
import vn.gov.cchc.events.PlanDetails;
import vn.gov.cchc.events.UnitKind;

/**
 * The content of a plan as sent to {@code PUT /api/v1/plans/{planId}}: the fields of
 * {@link PlanDetails} except the plan id, version, status and issue date, which the
 * service keeps. Everything is nullable here so that {@link PlanValidator} can name every
 * missing field at once; the meaning of each field is documented on {@link PlanDetails}.
 *
 * @param number official number, e.g. {@code 22/KH-UBND}
 * @param title title as issued
 * @param issuerCode issuing unit
 * @param from first day covered
 * @param to last day covered
 * @param basis the parent plan and the documents cited
 * @param contentAreas reform areas covered
 * @param activities the appendix rows
 * @param targets the commitments
 * @param budgetVnd total budget in whole VND (0 when absent)
 * @param budgetNote where the money comes from
 * @param reporting the reporting regime
 * @param revision the revision this edit was made on, as last read; a plan changed since
 * is not overwritten (409). Ignored when the plan does not exist yet.
 */
public record PlanRequest(@Nullable String number, @Nullable String title, @Nullable String issuerCode,
		@Nullable LocalDate from, @Nullable LocalDate to, @Nullable Basis basis,
		@Nullable List<@Nullable ContentArea> contentAreas, @Nullable List<@Nullable Activity> activities,
		@Nullable List<@Nullable Target> targets, @Nullable Long budgetVnd, @Nullable String budgetNote,
		@Nullable Reporting reporting, @Nullable Long revision) {

	/** The request that would store the given plan's content as it is. */
	static PlanRequest of(PlanDetails plan, @Nullable Long revision) {
		return new PlanRequest(plan.number(), plan.title(), plan.issuerCode(), plan.from(), plan.to(),
				new Basis(plan.basis().parentPlanId(), List.copyOf(plan.basis().documents())),
				List.copyOf(plan.contentAreas()), plan.activities().stream().map(Activity::of).toList(),
				plan.targets().stream().map(Target::of).toList(), plan.budgetVnd(), plan.budgetNote(),
				Reporting.of(plan.reporting()), revision);
	}

	/**
	 * @param parentPlanId the higher unit's plan this one implements
	 * @param documents documents cited, as written
	 */
	public record Basis(@Nullable String parentPlanId, @Nullable List<@Nullable String> documents) {

	}

	/**
	 * An appendix row; see {@link PlanDetails.Activity}.
	 *
	 * @param activityId id inside the plan, e.g. {@code HD01}
	 * @param title what is done
	 * @param form form of communication
	 * @param contentAreas reform areas covered
	 * @param cadence how often
	 * @param leadUnitCode the unit in charge; and/or
	 * @param leadUnitKinds every unit of these kinds under the issuer is in charge
	 * @param leadLabel the lead as written
	 * @param coordinatingUnitCodes units taking part
	 * @param metrics what progress is counted in
	 * @param expectedEvidence proof expected
	 * @param expectedProducts expected products as written
	 * @param budgetVnd budget in whole VND (0 when absent)
	 * @param inheritedFrom {@code <parentPlanId>/<activityId>} it implements
	 */
	public record Activity(@Nullable String activityId, @Nullable String title, @Nullable ActivityForm form,
			@Nullable List<@Nullable ContentArea> contentAreas, @Nullable Cadence cadence,
			@Nullable String leadUnitCode, @Nullable List<@Nullable UnitKind> leadUnitKinds, @Nullable String leadLabel,
			@Nullable List<@Nullable String> coordinatingUnitCodes, @Nullable List<@Nullable String> metrics,
			@Nullable List<@Nullable EvidenceKind> expectedEvidence, @Nullable String expectedProducts,
			@Nullable Long budgetVnd, @Nullable String inheritedFrom) {

		static Activity of(PlanDetails.Activity activity) {
			PlanDetails.Cadence cadence = activity.cadence();
			return new Activity(activity.activityId(), activity.title(), activity.form(),
					List.copyOf(activity.contentAreas()),
					new Cadence(cadence.kind(), cadence.times(), cadence.minutesEach(), cadence.text()),
					activity.leadUnitCode(), List.copyOf(activity.leadUnitKinds()), activity.leadLabel(),
					List.copyOf(activity.coordinatingUnitCodes()), List.copyOf(activity.metrics()),
					List.copyOf(activity.expectedEvidence()), activity.expectedProducts(), activity.budgetVnd(),
					activity.inheritedFrom());
		}

	}

	/**
	 * @param kind the rhythm
	 * @param times at least this many times per rhythm unit (0 when absent)
	 * @param minutesEach each at least this long (0 when absent)
	 * @param text the schedule as written
	 */
	public record Cadence(PlanDetails.Cadence.@Nullable Kind kind, @Nullable Integer times,
			@Nullable Integer minutesEach, @Nullable String text) {

	}

	/**
	 * A commitment; see {@link PlanDetails.Target}.
	 *
	 * @param targetId id inside the plan, e.g. {@code CT01}
	 * @param description as written
	 * @param kind sort of commitment
	 * @param measure what the value measures
	 * @param comparison how results compare with the value
	 * @param value the threshold (absent only for {@code LEVEL})
	 * @param level the named level for {@code LEVEL}
	 * @param activityId the activity counting towards it
	 * @param appliesTo the level of unit it is assigned to
	 * @param group the denominator group of a coverage target
	 * @param metric the activity metric a quantity target counts
	 * @param index the external index
	 * @param inheritedFrom {@code <parentPlanId>/<targetId>} it implements
	 */
	public record Target(@Nullable String targetId, @Nullable String description,
			PlanDetails.Target.@Nullable Kind kind, PlanDetails.Target.@Nullable Measure measure,
			PlanDetails.Target.@Nullable Comparison comparison, @Nullable BigDecimal value, @Nullable String level,
			@Nullable String activityId, @Nullable UnitKind appliesTo, @Nullable String group, @Nullable String metric,
			@Nullable String index, @Nullable String inheritedFrom) {

		static Target of(PlanDetails.Target target) {
			return new Target(target.targetId(), target.description(), target.kind(), target.measure(),
					target.comparison(), target.value(), target.level(), target.activityId(), target.appliesTo(),
					target.group(), target.metric(), target.index(), target.inheritedFrom());
		}

	}

	/**
	 * @param periods period types reports are due for
	 * @param cutOff how a period's data window is cut ({@code DECREE_09_2019} when
	 * absent)
	 * @param deadlines due dates per period type and level
	 * @param receiverUnitCode the unit reports go to
	 * @param note the reporting clause as written
	 */
	public record Reporting(@Nullable List<@Nullable PeriodType> periods,
			PlanDetails.ReportingRegime.@Nullable CutOff cutOff, @Nullable List<@Nullable Deadline> deadlines,
			@Nullable String receiverUnitCode, @Nullable String note) {

		static Reporting of(PlanDetails.ReportingRegime reporting) {
			return new Reporting(List.copyOf(reporting.periods()), reporting.cutOff(),
					reporting.deadlines()
						.stream()
						.map((deadline) -> new Deadline(deadline.period(), deadline.level(), deadline.dueBefore(),
								deadline.daysAfterCutOff()))
						.toList(),
					reporting.receiverUnitCode(), reporting.note());
		}

	}

	/**
	 * @param period the period type
	 * @param level the level of reporting unit; absent for every level
	 * @param dueBefore due before this day of the year, {@code --MM-DD} (e.g.
	 * {@code --06-15})
	 * @param daysAfterCutOff due this many days after the period's cut-off
	 */
	public record Deadline(@Nullable PeriodType period, @Nullable UnitKind level, @Nullable MonthDay dueBefore,
			@Nullable Integer daysAfterCutOff) {

	}

}
