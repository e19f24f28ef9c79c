package vn.gov.cchc.events;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * One version of a plan (kế hoạch), whole: every plan event carries it, so consumers need
 * nothing else to know what a unit committed to and how it reports.
 *
 * @param planId platform id of the plan, stable across versions (the number is not unique
 * across issuers)
 * @param version 1 when issued, one more for each amendment
 * @param status where the plan is in its life
 * @param number the official number, e.g. {@code 22/KH-UBND}
 * @param title the title as issued
 * @param issuerCode code of the issuing unit
 * @param issuedOn the date on the document
 * @param from first day the plan covers
 * @param to last day the plan covers (a year, or several: 2022–2025)
 * @param basis the parent plan it implements and the documents it cites
 * @param contentAreas reform areas the communication covers
 * @param activities rows of the plan's appendix
 * @param targets what the plan commits to reach
 * @param budgetVnd total budget, whole VND
 * @param budgetNote where the money comes from, as written
 * @param reporting which reports are due, when and to whom
 */
public record PlanDetails(String planId, int version, PlanStatus status, String number, String title, String issuerCode,
		@Nullable LocalDate issuedOn, LocalDate from, LocalDate to, Basis basis, List<ContentArea> contentAreas,
		List<Activity> activities, List<Target> targets, long budgetVnd, @Nullable String budgetNote,
		ReportingRegime reporting) {

	public PlanDetails {
		Objects.requireNonNull(planId, "planId");
		Objects.requireNonNull(status, "status");
		Objects.requireNonNull(number, "number");
		Objects.requireNonNull(title, "title");
		Objects.requireNonNull(issuerCode, "issuerCode");
		Objects.requireNonNull(from, "from");
		Objects.requireNonNull(to, "to");
		Objects.requireNonNull(basis, "basis");
		Objects.requireNonNull(reporting, "reporting");
		contentAreas = List.copyOf(Objects.requireNonNull(contentAreas, "contentAreas"));
		activities = List.copyOf(Objects.requireNonNull(activities, "activities"));
		targets = List.copyOf(Objects.requireNonNull(targets, "targets"));
	}

	/** Whether the plan covers the given day. */
	public boolean covers(LocalDate day) {
		return !day.isBefore(this.from) && !day.isAfter(this.to);
	}

	/**
	 * What a plan implements and cites.
	 *
	 * @param parentPlanId the higher unit's plan this one implements, if any
	 * @param documents the documents cited, as written (e.g. {@code Quyết định số
	 * 2074/QĐ-UBND ngày 20/12/2021})
	 */
	public record Basis(@Nullable String parentPlanId, List<String> documents) {

		public Basis {
			documents = List.copyOf(Objects.requireNonNull(documents, "documents"));
		}

	}

	/**
	 * A row of the plan's appendix, led by a named unit, by every unit of some kinds
	 * under the issuer, or both: "UBND các xã, thị trấn" is {@code [COMMUNE]}, "Các Sở,
	 * ban, ngành tỉnh; UBND cấp huyện, cấp xã" is
	 * {@code [DEPARTMENT, DISTRICT, COMMUNE]}.
	 *
	 * @param activityId id inside the plan, e.g. {@code HD01}
	 * @param title what is done, as written
	 * @param form the form of communication
	 * @param contentAreas reform areas it covers
	 * @param cadence how often
	 * @param leadUnitCode the unit in charge (chủ trì)
	 * @param leadUnitKinds every unit of these kinds under the issuer is in charge
	 * @param leadLabel the lead as written in the plan
	 * @param coordinatingUnitCodes units that take part (phối hợp)
	 * @param metrics what progress on it is counted in (e.g. {@code broadcasts},
	 * {@code minutes}, {@code participants})
	 * @param expectedEvidence what proof is expected
	 * @param expectedProducts the expected products as written (sản phẩm dự kiến)
	 * @param budgetVnd its budget, whole VND (0 when the plan gives none)
	 * @param inheritedFrom {@code <planId>/<activityId>} of the parent plan's activity it
	 * implements
	 */
	public record Activity(String activityId, String title, ActivityForm form, List<ContentArea> contentAreas,
			Cadence cadence, @Nullable String leadUnitCode, List<UnitKind> leadUnitKinds, @Nullable String leadLabel,
			List<String> coordinatingUnitCodes, List<String> metrics, List<EvidenceKind> expectedEvidence,
			@Nullable String expectedProducts, long budgetVnd, @Nullable String inheritedFrom) {

		public Activity {
			Objects.requireNonNull(activityId, "activityId");
			Objects.requireNonNull(title, "title");
			Objects.requireNonNull(form, "form");
			Objects.requireNonNull(cadence, "cadence");
			contentAreas = List.copyOf(Objects.requireNonNull(contentAreas, "contentAreas"));
			// Absent (null) reads as none: a row led by a named unit only.
			leadUnitKinds = (leadUnitKinds != null) ? List.copyOf(leadUnitKinds) : List.of();
			coordinatingUnitCodes = List.copyOf(Objects.requireNonNull(coordinatingUnitCodes, "coordinatingUnitCodes"));
			metrics = List.copyOf(Objects.requireNonNull(metrics, "metrics"));
			expectedEvidence = List.copyOf(Objects.requireNonNull(expectedEvidence, "expectedEvidence"));
		}

	}

	/**
	 * How often an activity is done: "thường xuyên" is {@code CONTINUOUS}; "ít nhất 01
	 * lần/tuần, mỗi lần 15 phút" is {@code PER_WEEK}, 1 time, 15 minutes.
	 *
	 * @param kind the rhythm
	 * @param times at least this many times per rhythm unit (0 when continuous or once)
	 * @param minutesEach each at least this long, for broadcasts (0 when not given)
	 * @param text the schedule as written
	 */
	public record Cadence(Kind kind, int times, int minutesEach, @Nullable String text) {

		public Cadence {
			Objects.requireNonNull(kind, "kind");
		}

		public enum Kind {

			CONTINUOUS, ONCE, PER_WEEK, PER_MONTH, PER_QUARTER, PER_YEAR

		}

	}

	/**
	 * A commitment (chỉ tiêu): coverage of a group ("100% of commune radio stations run a
	 * reform column"), a cadence, a quantity, or an externally reported index (SIPAS ≥
	 * 89.64%, PAR INDEX rank ≤ 30).
	 *
	 * @param targetId id inside the plan, e.g. {@code CT01}
	 * @param description as written
	 * @param kind what sort of commitment
	 * @param measure what {@code value} measures
	 * @param comparison how the result is compared with {@code value}
	 * @param value the threshold; absent for a named level
	 * @param level the named level for {@code LEVEL} (e.g. {@code Tốt})
	 * @param activityId the activity whose progress counts towards it
	 * @param appliesTo the level of unit the target is assigned to; lower plans inherit
	 * it
	 * @param group the denominator group of a coverage target (e.g.
	 * {@code commune-radio-stations})
	 * @param metric the activity metric a quantity target counts
	 * @param index the external index (e.g. {@code PAR INDEX}, {@code SIPAS})
	 * @param inheritedFrom {@code <planId>/<targetId>} of the parent plan's target
	 */
	public record Target(String targetId, String description, Kind kind, Measure measure, Comparison comparison,
			@Nullable BigDecimal value, @Nullable String level, @Nullable String activityId,
			@Nullable UnitKind appliesTo, @Nullable String group, @Nullable String metric, @Nullable String index,
			@Nullable String inheritedFrom) {

		public Target {
			Objects.requireNonNull(targetId, "targetId");
			Objects.requireNonNull(description, "description");
			Objects.requireNonNull(kind, "kind");
			Objects.requireNonNull(measure, "measure");
			Objects.requireNonNull(comparison, "comparison");
		}

		public enum Kind {

			COVERAGE, CADENCE, QUANTITY, INDEX

		}

		public enum Measure {

			PERCENT, COUNT, MINUTES, RANK, SCORE, SCORE_INCREASE, RANK_INCREASE, LEVEL

		}

		public enum Comparison {

			AT_LEAST, AT_MOST, ABOUT, EQUAL

		}

	}

	/**
	 * Which periodic reports the plan asks for, the data cut-off rule, a due date per
	 * period type and level, and who receives them.
	 *
	 * @param periods the period types reports are due for
	 * @param cutOff how each period's data window is cut
	 * @param deadlines due dates; lower levels earlier
	 * @param receiverUnitCode the unit reports go to (e.g. Sở Nội vụ)
	 * @param note the reporting clause as written
	 */
	public record ReportingRegime(List<PeriodType> periods, CutOff cutOff, List<Deadline> deadlines,
			String receiverUnitCode, @Nullable String note) {

		public ReportingRegime {
			periods = List.copyOf(Objects.requireNonNull(periods, "periods"));
			Objects.requireNonNull(cutOff, "cutOff");
			deadlines = List.copyOf(Objects.requireNonNull(deadlines, "deadlines"));
			Objects.requireNonNull(receiverUnitCode, "receiverUnitCode");
		}

		public enum CutOff {

			/**
			 * Decree 09/2019/NĐ-CP: from the 15th of the month before to the 14th (the
			 * year from 15 December of the previous year to 14 December).
			 */
			DECREE_09_2019,

			/** Calendar months, quarters and years. */
			CALENDAR

		}

	}

	/**
	 * When a report of a period type is due. Exactly one of {@code dueBefore} and
	 * {@code daysAfterCutOff} is set.
	 *
	 * @param period the period type
	 * @param level the level of reporting unit it applies to; absent for every level
	 * @param dueBefore due before this day of the year, as plans write it ("trước ngày
	 * 15/6")
	 * @param daysAfterCutOff due this many days after the period's cut-off
	 */
	public record Deadline(PeriodType period, @Nullable UnitKind level, @Nullable MonthDay dueBefore,
			@Nullable Integer daysAfterCutOff) {

		public Deadline {
			Objects.requireNonNull(period, "period");
			if ((dueBefore == null) == (daysAfterCutOff == null)) {
				throw new IllegalArgumentException("Exactly one of dueBefore and daysAfterCutOff must be set");
			}
		}

	}

}
