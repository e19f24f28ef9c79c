package vn.gov.cchc.plan.plan;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import java.util.Objects;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import vn.gov.cchc.events.ActivityForm;
import vn.gov.cchc.events.ContentArea;
import vn.gov.cchc.events.EvidenceKind;
import vn.gov.cchc.events.PeriodType;
import vn.gov.cchc.events.PlanDetails;
import vn.gov.cchc.events.PlanStatus;
import vn.gov.cchc.events.UnitKind;
import vn.gov.cchc.plan.validation.BudgetVnd;
import vn.gov.cchc.plan.validation.Day;
import vn.gov.cchc.plan.validation.Distinct;
import vn.gov.cchc.plan.validation.Metric;
import vn.gov.cchc.plan.validation.Text;
import vn.gov.cchc.plan.validation.UnitCode;

/**
 * The content of a plan as sent to {@code PUT /api/v1/plans/{planId}}: the fields of
 * {@link PlanDetails} except the plan id, version, status and issue date, which the
 * service keeps. Everything is nullable here so that every missing field is named at
 * once. The annotations are the rules of the request's shape, checked by
 * {@link PlanValidator} together with those that need other fields or the store; the
 * meaning of each field is documented on {@link PlanDetails}.
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
public record PlanRequest(
		@NotBlank @Text(max = 40) @Pattern(regexp = PlanRequest.NUMBER,
				message = "{plan.number}") @Nullable String number,
		@NotBlank @Text(max = 500) @Nullable String title, @NotBlank @UnitCode @Nullable String issuerCode,
		@NotNull @Day @Nullable LocalDate from, @NotNull @Day @Nullable LocalDate to, @Valid @Nullable Basis basis,
		@NotNull @Size(min = 1,
				message = "{plan.contentAreas.empty}") @Distinct @Nullable List<@NotNull @Nullable ContentArea> contentAreas,
		@Size(max = 100,
				message = "{plan.activities.size}") @Nullable List<@NotNull(
						message = "{plan.activity.null}") @Valid @Nullable Activity> activities,
		@Size(max = 100,
				message = "{plan.targets.size}") @Nullable List<@NotNull(
						message = "{plan.target.null}") @Valid @Nullable Target> targets,
		@BudgetVnd @Nullable Long budgetVnd, @Text(max = 2000) @Nullable String budgetNote,
		@NotNull @Valid @Nullable Reporting reporting, @Nullable Long revision) {

	/**
	 * Vietnamese document numbers: {@code 22/KH-UBND}, {@code 780/KH-SXD},
	 * {@code 125a/KH-UBND}; {@code …/KH-UBND} for a plan published with its number left
	 * blank, as some are.
	 */
	static final String NUMBER = "^\\s*([0-9]{1,6}[a-z]?|…)/[A-ZĐ]+(-[A-ZĐ]+)*\\s*$";

	/** A plan id, or blank for none. */
	static final String PLAN_ID = "^\\s*([A-Za-z0-9][A-Za-z0-9._-]{0,63})?\\s*$";

	private static final String ITEM_ID = "^[A-Z0-9][A-Z0-9._-]{0,19}$";

	/** The request that would store the given plan's content as it is. */
	static PlanRequest of(PlanDetails plan, @Nullable Long revision) {
		return new PlanRequest(plan.number(), plan.title(), plan.issuerCode(), plan.from(), plan.to(),
				new Basis(plan.basis().parentPlanId(), List.copyOf(plan.basis().documents())),
				List.copyOf(plan.contentAreas()), plan.activities().stream().map(Activity::of).toList(),
				plan.targets().stream().map(Target::of).toList(), plan.budgetVnd(), plan.budgetNote(),
				Reporting.of(plan.reporting()), revision);
	}

	/**
	 * The plan as a draft, once the request passed {@link PlanValidator}: version 0, no
	 * issue date, texts stripped, defaults applied.
	 */
	PlanDetails toDraft(String planId) {
		Basis basis = (this.basis != null) ? this.basis : new Basis(null, null);
		Reporting reporting = Objects.requireNonNull(this.reporting);
		return new PlanDetails(planId, 0, PlanStatus.DRAFT, text(this.number), text(this.title), this.issuerCode, null,
				this.from, this.to,
				new PlanDetails.Basis(text(basis.parentPlanId()),
						list(basis.documents()).stream().map(PlanRequest::text).toList()),
				list(this.contentAreas), list(this.activities).stream().map(Activity::toDetails).toList(),
				list(this.targets).stream().map(Target::toDetails).toList(), orZero(this.budgetVnd),
				text(this.budgetNote),
				new PlanDetails.ReportingRegime(list(reporting.periods()), (reporting.cutOff() != null) ? reporting
					.cutOff() : PlanDetails.ReportingRegime.CutOff.DECREE_09_2019, list(reporting.deadlines()).stream()
						.map((d) -> new PlanDetails.Deadline(d.period(), d.level(), d.dueBefore(), d.daysAfterCutOff()))
						.toList(), reporting.receiverUnitCode(), text(reporting.note())));
	}

	/** Text as stored: stripped of surrounding blanks, blank as absent. */
	static @Nullable String text(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	/** The values of a list that passed its rules, so none is null; empty when absent. */
	@SuppressWarnings("unchecked")
	static <T> List<T> list(@Nullable List<? extends @Nullable T> values) {
		return (values != null) ? (List<T>) values : List.of();
	}

	private static long orZero(@Nullable Long value) {
		return (value != null) ? value : 0L;
	}

	/**
	 * @param parentPlanId the higher unit's plan this one implements
	 * @param documents documents cited, as written
	 */
	public record Basis(@Text(max = 64) @Pattern(regexp = PLAN_ID, message = "{plan.id}") @Nullable String parentPlanId,
			@Size(max = 50,
					message = "{cchc.items}") @Nullable List<@NotBlank @Text(max = 500) @Nullable String> documents) {

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
	public record Activity(
			@NotBlank @Pattern(regexp = ITEM_ID, message = "{plan.activityId}") @Nullable String activityId,
			// An appendix row's content is often a paragraph, longer than a plan's title.
			@NotBlank @Text(max = 2000) @Nullable String title, @NotNull @Nullable ActivityForm form,
			@Distinct @Nullable List<@NotNull @Nullable ContentArea> contentAreas,
			@NotNull @Valid @Nullable Cadence cadence, @UnitCode @Nullable String leadUnitCode,
			@Distinct @Nullable List<@NotNull @Nullable UnitKind> leadUnitKinds,
			@Text(max = 500) @Nullable String leadLabel,
			@Size(max = 50, message = "{plan.coordinatingUnits.size}") @Distinct(
					message = "{plan.coordinatingUnits.distinct}") @Nullable List<@NotBlank @UnitCode @Nullable String> coordinatingUnitCodes,
			@NotNull @Size(min = 1, message = "{plan.metrics.empty}") @Size(max = 20,
					message = "{plan.metrics.size}") @Distinct(
							message = "{plan.metrics.distinct}") @Nullable List<@NotNull @Metric(
									message = "{plan.metric}") @Nullable String> metrics,
			@Distinct @Nullable List<@NotNull @Nullable EvidenceKind> expectedEvidence,
			@Text(max = 2000) @Nullable String expectedProducts, @BudgetVnd @Nullable Long budgetVnd,
			@Text(max = 100) @Nullable String inheritedFrom) {

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

		PlanDetails.Activity toDetails() {
			Cadence cadence = Objects.requireNonNull(this.cadence);
			return new PlanDetails.Activity(this.activityId, text(this.title), this.form, list(this.contentAreas),
					new PlanDetails.Cadence(cadence.kind(), (cadence.times() != null) ? cadence.times() : 0,
							(cadence.minutesEach() != null) ? cadence.minutesEach() : 0, text(cadence.text())),
					text(this.leadUnitCode), list(this.leadUnitKinds), text(this.leadLabel),
					list(this.coordinatingUnitCodes), list(this.metrics), list(this.expectedEvidence),
					text(this.expectedProducts), orZero(this.budgetVnd), text(this.inheritedFrom));
		}

	}

	/**
	 * @param kind the rhythm
	 * @param times at least this many times per rhythm unit (0 when absent)
	 * @param minutesEach each at least this long (0 when absent)
	 * @param text the schedule as written
	 */
	public record Cadence(@NotNull PlanDetails.Cadence.@Nullable Kind kind,
			@Min(value = 0, message = "{plan.cadence.times}") @Max(value = 1000,
					message = "{plan.cadence.times}") @Nullable Integer times,
			@Min(value = 0, message = "{plan.cadence.minutesEach}") @Max(value = 1440,
					message = "{plan.cadence.minutesEach}") @Nullable Integer minutesEach,
			@Text(max = 500) @Nullable String text) {

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
	public record Target(@NotBlank @Pattern(regexp = ITEM_ID, message = "{plan.targetId}") @Nullable String targetId,
			@NotBlank @Text(max = 2000) @Nullable String description, @NotNull PlanDetails.Target.@Nullable Kind kind,
			@NotNull PlanDetails.Target.@Nullable Measure measure,
			@NotNull PlanDetails.Target.@Nullable Comparison comparison,
			@DecimalMin(value = "0", message = "{plan.target.value}") @DecimalMax(value = "10000000000000",
					message = "{plan.target.value}") @Digits(integer = 100, fraction = 4,
							message = "{plan.target.scale}") @Nullable BigDecimal value,
			@Text(max = 100) @Nullable String level, @Text(max = 20) @Nullable String activityId,
			@Nullable UnitKind appliesTo,
			@Pattern(regexp = "^[a-z][a-z0-9-]{0,59}$", message = "{plan.group}") @Nullable String group,
			@Metric @Nullable String metric, @Text(max = 100) @Nullable String index,
			@Text(max = 100) @Nullable String inheritedFrom) {

		static Target of(PlanDetails.Target target) {
			return new Target(target.targetId(), target.description(), target.kind(), target.measure(),
					target.comparison(), target.value(), target.level(), target.activityId(), target.appliesTo(),
					target.group(), target.metric(), target.index(), target.inheritedFrom());
		}

		PlanDetails.Target toDetails() {
			return new PlanDetails.Target(this.targetId, text(this.description), this.kind, this.measure,
					this.comparison, this.value, text(this.level), text(this.activityId), this.appliesTo, this.group,
					this.metric, text(this.index), text(this.inheritedFrom));
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
	public record Reporting(
			@NotNull @Size(min = 1,
					message = "{plan.periods.empty}") @Distinct @Nullable List<@NotNull @Nullable PeriodType> periods,
			PlanDetails.ReportingRegime.@Nullable CutOff cutOff,
			@Size(max = 30,
					message = "{plan.deadlines.size}") @Nullable List<@NotNull(
							message = "{plan.deadline.null}") @Valid @Nullable Deadline> deadlines,
			@NotBlank @UnitCode @Nullable String receiverUnitCode, @Text(max = 2000) @Nullable String note) {

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
	public record Deadline(@NotNull @Nullable PeriodType period, @Nullable UnitKind level, @Nullable MonthDay dueBefore,
			@Min(value = 0, message = "{plan.deadline.daysAfterCutOff}") @Max(value = 366,
					message = "{plan.deadline.daysAfterCutOff}") @Nullable Integer daysAfterCutOff) {

	}

}
