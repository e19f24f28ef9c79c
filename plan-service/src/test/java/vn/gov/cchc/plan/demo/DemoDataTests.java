package vn.gov.cchc.plan.demo;

import java.nio.file.Files;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.gov.cchc.events.ActivityForm;
import vn.gov.cchc.events.ContentArea;
import vn.gov.cchc.events.EvidenceKind;
import vn.gov.cchc.events.PeriodType;
import vn.gov.cchc.events.PlanDetails;
import vn.gov.cchc.events.PlanDetails.Activity;
import vn.gov.cchc.events.PlanDetails.Cadence;
import vn.gov.cchc.events.PlanDetails.Deadline;
import vn.gov.cchc.events.PlanDetails.ReportingRegime.CutOff;
import vn.gov.cchc.events.PlanDetails.Target;
import vn.gov.cchc.events.UnitDetails;
import vn.gov.cchc.events.UnitDetails.ParentPeriod;
import vn.gov.cchc.events.UnitKind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The demo data is well formed (every file reads into the contract records, field names
 * and all), consistent (every code a plan names exists on the plan's first day, the dated
 * tree and its merge links hold together, no code is used twice) and faithful to the five
 * seed plans in {@code /work/shared/seeds}.
 */
class DemoDataTests {

	private static final Pattern UNIT_CODE = Pattern.compile("^[0-9A-Z][0-9A-Z.-]{0,31}$");

	private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

	private static final Pattern MOBILE = Pattern.compile("^09[0-9]{8}$");

	private static final Set<UnitKind> TERRITORIAL = Set.of(UnitKind.PROVINCE, UnitKind.DISTRICT, UnitKind.COMMUNE);

	private static final LocalDate LAST_DAY_OF_THREE_LEVELS = LocalDate.of(2025, 6, 30);

	private static final LocalDate FIRST_DAY_OF_TWO_LEVELS = LocalDate.of(2025, 7, 1);

	private static DemoData demo;

	@BeforeAll
	static void readTheFiles() {
		demo = DemoData.load();
	}

	@Test
	void everyFileReadsIntoTheContractRecordsWithTheAgreedLayout() throws Exception {
		assertThat(demo.units()).hasSizeGreaterThan(50);
		assertThat(demo.plans()).extracting(DemoData.DemoPlan::planId)
			.containsExactlyInAnyOrder("27-2022-22-KH-UBND", "524-2022-2025-CCHC", "72-2020-CCHC", "58-VP-2023-CCHC",
					"70-SXD-2024-780-KH-SXD");
		for (DemoData.DemoPlan plan : demo.plans()) {
			JsonNode root = DemoData.strictJson.readTree(plan.file());
			// load-plans.sh reads planId and issuedOn with grep: they come first.
			assertThat(root.propertyNames()).as(plan.file().toString()).startsWith("planId", "issuedOn");
			assertThat(plan.file().getFileName()).hasToString(plan.planId() + ".json");
			// The PUT body carries what the author writes; the service owns the rest.
			assertThat(plan.body().propertyNames()).as(plan.planId())
				.containsExactlyInAnyOrder("number", "title", "issuerCode", "from", "to", "basis", "contentAreas",
						"activities", "targets", "budgetVnd", "budgetNote", "reporting");
			assertThat(plan.issuedOn()).isBeforeOrEqualTo(plan.draft().to());
		}
		// The runtime script takes the first unit of the file as the root it checks.
		assertThat(demo.units().get(0).code()).isEqualTo("27");
		assertThat(Files.readString(demo.directory().resolve("units.json"))).doesNotContain("\t");
	}

	@Test
	void keepsTheFoundationUnitsWhereTheOtherTestsExpectThemThroughout2022() {
		Map<String, String> parents = Map.of("27-SNV", "27", "256", "27", "258", "27", "09190", "256", "09193", "256",
				"09247", "258", "09250", "258");
		assertThat(demo.unit("27")).get()
			.satisfies((province) -> assertThat(province.kind()).isEqualTo(UnitKind.PROVINCE));
		for (LocalDate day = LocalDate.of(2022, 1, 1); day.getYear() == 2022; day = day.plusDays(1)) {
			LocalDate on = day;
			parents.forEach((code, parent) -> assertThat(demo.unit(code)).get().satisfies((unit) -> {
				assertThat(unit.validOn(on)).as("%s on %s", code, on).isTrue();
				assertThat(unit.parentOn(on)).as("parent of %s on %s", code, on).isEqualTo(parent);
			}));
		}
	}

	@Test
	void everyUnitHasAWellFormedCodeUsedOnceAndContactsTheServiceAccepts() {
		List<String> codes = demo.units().stream().map(UnitDetails::code).toList();
		assertThat(codes).doesNotHaveDuplicates().allMatch((code) -> UNIT_CODE.matcher(code).matches());
		for (UnitDetails unit : demo.units()) {
			assertThat(unit.name()).as(unit.code()).isNotBlank().hasSizeLessThanOrEqualTo(200);
			assertThat(unit.validTo() == null || !unit.validTo().isBefore(unit.validFrom())).as(unit.code()).isTrue();
			assertThat(unit.contacts().person()).as(unit.code()).isNotBlank();
			assertThat(unit.contacts().email()).as(unit.code()).matches(EMAIL).endsWith(".gov.vn");
			assertThat(unit.contacts().phone()).as(unit.code()).matches(MOBILE);
			assertThat(unit.kind() == UnitKind.PROVINCE).as("%s has a parent unless a province", unit.code())
				.isEqualTo(unit.parentCode() == null);
		}
		assertThat(demo.units().stream().map((unit) -> unit.contacts().phone())).doesNotHaveDuplicates();
	}

	@Test
	void everyParentExistsOnEveryDayItIsTheParentAndIsOneTerritorialLevelUp() {
		Map<String, UnitDetails> byCode = demo.unitsByCode();
		for (UnitDetails unit : demo.units()) {
			Set<LocalDate> days = new TreeSet<>();
			days.add(unit.validFrom());
			days.add((unit.validTo() != null) ? unit.validTo() : LocalDate.of(2030, 12, 31));
			for (ParentPeriod period : unit.parentHistory()) {
				assertThat(period.from()).as(unit.code()).isBeforeOrEqualTo(period.to());
				assertThat(unit.validOn(period.from()) && unit.validOn(period.to())).as(unit.code()).isTrue();
				days.add(period.from());
				days.add(period.to());
				days.add(period.to().plusDays(1));
			}
			for (LocalDate day : days) {
				if (!unit.validOn(day) || unit.parentOn(day) == null) {
					continue;
				}
				UnitDetails parent = byCode.get(unit.parentOn(day));
				assertThat(parent).as("parent of %s on %s", unit.code(), day).isNotNull();
				assertThat(parent.validOn(day)).as("parent %s of %s on %s", parent.code(), unit.code(), day).isTrue();
				if (unit.kind() == UnitKind.COMMUNE) {
					assertThat(parent.kind()).as(unit.code()).isIn(UnitKind.DISTRICT, UnitKind.PROVINCE);
				}
				if (unit.kind() == UnitKind.DISTRICT) {
					assertThat(parent.kind()).as(unit.code()).isEqualTo(UnitKind.PROVINCE);
				}
			}
		}
	}

	@Test
	void bacNinhHasThreeTerritorialLevelsUntil30June2025AndTwoFrom1July2025() {
		assertThat(levels("27", LAST_DAY_OF_THREE_LEVELS)).containsExactly(Map.entry(1, Set.of(UnitKind.PROVINCE)),
				Map.entry(2, Set.of(UnitKind.DISTRICT)), Map.entry(3, Set.of(UnitKind.COMMUNE)));
		assertThat(levels("27", FIRST_DAY_OF_TWO_LEVELS)).containsExactly(Map.entry(1, Set.of(UnitKind.PROVINCE)),
				Map.entry(2, Set.of(UnitKind.COMMUNE)));

		List<UnitDetails> districts = territorialUnder("27", LAST_DAY_OF_THREE_LEVELS).stream()
			.filter((unit) -> unit.kind() == UnitKind.DISTRICT)
			.toList();
		assertThat(districts).extracting(UnitDetails::code)
			.containsExactlyInAnyOrder("256", "258", "259", "260", "261", "262", "263", "264");
		for (UnitDetails district : districts) {
			assertThat(district.validTo()).as(district.code()).isEqualTo(LAST_DAY_OF_THREE_LEVELS);
			long communes = demo.units()
				.stream()
				.filter((unit) -> unit.validOn(LAST_DAY_OF_THREE_LEVELS)
						&& district.code().equals(unit.parentOn(LAST_DAY_OF_THREE_LEVELS)))
				.count();
			assertThat(communes).as("communes of %s", district.code()).isBetween(2L, 5L);
		}
		for (UnitDetails commune : territorialUnder("27", LAST_DAY_OF_THREE_LEVELS)) {
			if (commune.kind() == UnitKind.COMMUNE) {
				assertThat(commune.groups()).as(commune.code())
					.containsEntry("commune-radio-stations", 1)
					.containsEntry("commune-post-offices", 1);
			}
		}
	}

	@Test
	void mostBacNinhCommunesMergeInto2025UnitsWhileOneIsKeptDirectlyUnderTheProvince() {
		List<UnitDetails> before = communesOf27(LAST_DAY_OF_THREE_LEVELS);
		List<UnitDetails> after = communesOf27(FIRST_DAY_OF_TWO_LEVELS);
		List<UnitDetails> kept = before.stream().filter(after::contains).toList();
		assertThat(kept).singleElement().satisfies((commune) -> {
			assertThat(commune.code()).isNotIn("09190", "09193", "09247", "09250");
			assertThat(commune.validTo()).isNull();
			assertThat(commune.parentCode()).isEqualTo("27");
			assertThat(commune.parentHistory()).singleElement()
				.satisfies((period) -> assertThat(period.to()).isEqualTo(LAST_DAY_OF_THREE_LEVELS));
			assertThat(commune.parentOn(LAST_DAY_OF_THREE_LEVELS))
				.isEqualTo(commune.parentHistory().get(0).parentCode());
			assertThat(commune.parentOn(FIRST_DAY_OF_TWO_LEVELS)).isEqualTo("27");
		});
		List<UnitDetails> merged = before.stream().filter((commune) -> !after.contains(commune)).toList();
		assertThat(merged).hasSizeGreaterThan(before.size() / 2).allSatisfy((commune) -> {
			assertThat(commune.validTo()).isEqualTo(LAST_DAY_OF_THREE_LEVELS);
			assertThat(commune.successorCodes()).isNotEmpty();
		});
		List<UnitDetails> formed = after.stream().filter((commune) -> !before.contains(commune)).toList();
		assertThat(formed).isNotEmpty().allSatisfy((commune) -> {
			assertThat(commune.validFrom()).isEqualTo(FIRST_DAY_OF_TWO_LEVELS);
			assertThat(commune.parentCode()).isEqualTo("27");
			assertThat(commune.predecessorCodes()).isNotEmpty();
			assertThat(commune.groups()).containsKeys("commune-radio-stations", "commune-post-offices");
		});
	}

	@Test
	void successorAndPredecessorLinksAreSymmetricAndLeaveNoGap() {
		Map<String, UnitDetails> byCode = demo.unitsByCode();
		for (UnitDetails unit : demo.units()) {
			for (String successor : unit.successorCodes()) {
				assertThat(byCode).as("successor of %s", unit.code()).containsKey(successor);
				UnitDetails next = byCode.get(successor);
				assertThat(next.predecessorCodes()).as("predecessors of %s", successor).contains(unit.code());
				assertThat(unit.validTo()).as(unit.code()).isNotNull();
				assertThat(next.validFrom()).as(successor).isEqualTo(unit.validTo().plusDays(1));
			}
			for (String predecessor : unit.predecessorCodes()) {
				assertThat(byCode).as("predecessor of %s", unit.code()).containsKey(predecessor);
				assertThat(byCode.get(predecessor).successorCodes()).as("successors of %s", predecessor)
					.contains(unit.code());
			}
		}
	}

	@Test
	void noCodeIsUsedAgainForAnotherUnit() {
		Set<String> codes = new HashSet<>();
		for (UnitDetails unit : demo.units()) {
			assertThat(codes.add(unit.code())).as("%s appears twice", unit.code()).isTrue();
			assertThat(unit.successorCodes()).as(unit.code()).doesNotContain(unit.code());
		}
		// The 2025 units take codes no unit of the 3-level tree had.
		Set<String> before = demo.units()
			.stream()
			.filter((unit) -> unit.validFrom().isBefore(FIRST_DAY_OF_TWO_LEVELS))
			.map(UnitDetails::code)
			.collect(Collectors.toSet());
		assertThat(demo.units().stream().filter((unit) -> !unit.predecessorCodes().isEmpty()).map(UnitDetails::code))
			.isNotEmpty()
			.noneMatch(before::contains);
	}

	@Test
	void everyUnitAPlanNamesExistsOnItsFirstDayAndSitsUnderItsIssuer() {
		Map<String, UnitDetails> byCode = demo.unitsByCode();
		for (DemoData.DemoPlan file : demo.plans()) {
			PlanDetails plan = file.draft();
			LocalDate first = plan.from();
			Set<String> named = new LinkedHashSet<>();
			named.add(plan.issuerCode());
			named.add(plan.reporting().receiverUnitCode());
			for (Activity activity : plan.activities()) {
				if (activity.leadUnitCode() != null) {
					named.add(activity.leadUnitCode());
					assertThat(demo.isWithin(activity.leadUnitCode(), topOf(plan.issuerCode(), first), first))
						.as("%s %s lead", plan.planId(), activity.activityId())
						.isTrue();
				}
				named.addAll(activity.coordinatingUnitCodes());
			}
			for (String code : named) {
				assertThat(byCode).as("%s names %s", plan.planId(), code).containsKey(code);
				assertThat(byCode.get(code).validOn(first)).as("%s exists on %s", code, first).isTrue();
			}
			for (Activity activity : plan.activities()) {
				if (!activity.leadUnitKinds().isEmpty()) {
					assertThat(demo.units())
						.as("%s %s: some %s under %s", plan.planId(), activity.activityId(), activity.leadUnitKinds(),
								plan.issuerCode())
						.anyMatch((unit) -> activity.leadUnitKinds().contains(unit.kind()) && unit.validOn(first)
								&& !unit.code().equals(plan.issuerCode())
								&& demo.isWithin(unit.code(), plan.issuerCode(), first));
				}
			}
			for (Target target : plan.targets()) {
				if (target.group() != null) {
					int members = demo.units()
						.stream()
						.filter((unit) -> unit.validOn(first) && demo.isWithin(unit.code(), plan.issuerCode(), first))
						.mapToInt((unit) -> unit.groups().getOrDefault(target.group(), 0))
						.sum();
					assertThat(members).as("%s %s denominator", plan.planId(), target.targetId()).isPositive();
				}
			}
		}
	}

	@Test
	void everyPlanIsWellFormed() {
		for (DemoData.DemoPlan file : demo.plans()) {
			PlanDetails plan = file.draft();
			assertThat(plan.from()).as(plan.planId()).isBefore(plan.to());
			assertThat(plan.from().getDayOfYear()).as("%s covers whole years", plan.planId()).isEqualTo(1);
			assertThat(plan.to().plusDays(1).getDayOfYear()).as("%s covers whole years", plan.planId()).isEqualTo(1);
			assertThat(plan.activities()).as(plan.planId())
				.isNotEmpty()
				.extracting(Activity::activityId)
				.containsExactlyElementsOf(ids("HD", plan.activities().size()));
			assertThat(plan.targets()).extracting(Target::targetId)
				.containsExactlyElementsOf(ids("CT", plan.targets().size()));
			for (Activity activity : plan.activities()) {
				assertThat((activity.leadUnitCode() == null) != activity.leadUnitKinds().isEmpty())
					.as("%s %s names a lead unit or a lead kind", plan.planId(), activity.activityId())
					.isTrue();
				assertThat(activity.leadLabel()).as(activity.activityId()).isNotBlank();
				assertThat(activity.contentAreas()).as(activity.activityId()).isNotEmpty();
				assertThat(plan.contentAreas()).as("%s %s", plan.planId(), activity.activityId())
					.containsAll(activity.contentAreas());
				assertThat(activity.metrics()).as(activity.activityId())
					.isNotEmpty()
					.allMatch((metric) -> metric.matches("[a-z]+(_[a-z]+)*"));
				assertThat(activity.expectedEvidence()).as(activity.activityId()).isNotEmpty();
				assertThat(activity.cadence().text()).as(activity.activityId()).isNotBlank();
			}
			for (Target target : plan.targets()) {
				assertThat(target.value() == null).as("%s %s", plan.planId(), target.targetId())
					.isEqualTo(target.measure() == Target.Measure.LEVEL);
				if (target.activityId() != null) {
					assertThat(plan.activities()).extracting(Activity::activityId).contains(target.activityId());
				}
				if (target.metric() != null) {
					Activity counted = plan.activities()
						.stream()
						.filter((activity) -> activity.activityId().equals(target.activityId()))
						.findFirst()
						.orElseThrow();
					assertThat(counted.metrics()).as(target.targetId()).contains(target.metric());
				}
			}
			assertThat(plan.reporting().periods()).as(plan.planId()).isNotEmpty();
			assertThat(plan.reporting().deadlines()).extracting(Deadline::period)
				.containsExactlyInAnyOrderElementsOf(plan.reporting().periods());
			assertThat(plan.reporting().note()).as(plan.planId()).isNotBlank();
		}
	}

	@Test
	void bacNinhPlanKeepsItsEightAppendixRowsWeeklyBroadcastsAndItsReportDates() {
		PlanDetails plan = demo.plan("27-2022-22-KH-UBND").draft();
		assertThat(plan.number()).isEqualTo("22/KH-UBND");
		assertThat(plan.title()).isEqualTo("Tuyên truyền cải cách hành chính năm 2022 trên địa bàn tỉnh Bắc Ninh");
		assertThat(plan.issuerCode()).isEqualTo("27");
		assertThat(demo.plan("27-2022-22-KH-UBND").issuedOn()).isEqualTo(LocalDate.of(2022, 1, 18));
		assertThat(plan.from()).isEqualTo(LocalDate.of(2022, 1, 1));
		assertThat(plan.to()).isEqualTo(LocalDate.of(2022, 12, 31));
		assertThat(plan.basis().documents()).anyMatch((document) -> document.contains("76/NQ-CP"))
			.anyMatch((document) -> document.contains("897/KH-UBND"));
		assertThat(plan.activities()).hasSize(8)
			.extracting(Activity::form)
			.containsExactly(ActivityForm.PUBLIC_POSTING, ActivityForm.CONFERENCE, ActivityForm.PORTAL,
					ActivityForm.PORTAL, ActivityForm.TELEVISION, ActivityForm.NEWSPAPER, ActivityForm.RADIO,
					ActivityForm.PRINTED_MATERIAL);
		List<UnitKind> everyLevel = List.of(UnitKind.DEPARTMENT, UnitKind.DISTRICT, UnitKind.COMMUNE);
		List<UnitKind> districtsAndCommunes = List.of(UnitKind.DISTRICT, UnitKind.COMMUNE);
		assertThat(plan.activities()).extracting(Activity::leadUnitCode, Activity::leadUnitKinds)
			.containsExactly(tuple(null, everyLevel), tuple(null, everyLevel), tuple("27-CTTDT", List.of()),
					tuple(null, List.of(UnitKind.DEPARTMENT, UnitKind.DISTRICT)), tuple("27-DPTTH", List.of()),
					tuple("27-BAO", List.of()), tuple(null, districtsAndCommunes), tuple(null, districtsAndCommunes));
		Activity radioAndTelevision = activity(plan, "HD05");
		assertThat(radioAndTelevision.cadence()).extracting(Cadence::kind, Cadence::times, Cadence::minutesEach)
			.containsExactly(Cadence.Kind.PER_WEEK, 1, 15);
		assertThat(radioAndTelevision.metrics()).contains("broadcasts", "minutes");
		assertThat(activity(plan, "HD06").cadence()).extracting(Cadence::kind, Cadence::times)
			.containsExactly(Cadence.Kind.PER_MONTH, 2);
		assertThat(plan.targets()).filteredOn((target) -> "HD05".equals(target.activityId()))
			.extracting(Target::measure, Target::comparison, (target) -> target.value().intValueExact())
			.contains(tuple(Target.Measure.COUNT, Target.Comparison.AT_LEAST, 1),
					tuple(Target.Measure.MINUTES, Target.Comparison.AT_LEAST, 15));
		assertThat(plan.reporting().periods()).containsExactly(PeriodType.HALF_YEAR, PeriodType.YEAR);
		assertThat(plan.reporting().deadlines()).extracting(Deadline::period, Deadline::dueBefore)
			.containsExactly(tuple(PeriodType.HALF_YEAR, MonthDay.of(6, 15)),
					tuple(PeriodType.YEAR, MonthDay.of(11, 20)));
		assertThat(plan.reporting().receiverUnitCode()).isEqualTo("27-SNV");
		assertThat(plan.budgetNote()).contains("Sở Tài chính");
	}

	@Test
	void binhSonPlanCommitsToAllPortalsAllCommuneRadioStationsAndNinetyPercentOfPostOffices() {
		PlanDetails plan = demo.plan("524-2022-2025-CCHC").draft();
		assertThat(plan.issuerCode()).isEqualTo("524");
		assertThat(demo.unit("524")).get().extracting(UnitDetails::name).isEqualTo("Huyện Bình Sơn");
		assertThat(plan.from()).isEqualTo(LocalDate.of(2022, 1, 1));
		assertThat(plan.to()).isEqualTo(LocalDate.of(2025, 12, 31));
		assertThat(plan.basis().documents()).singleElement().asString().contains("2074/QĐ-UBND").contains("Quảng Ngãi");
		assertThat(plan.contentAreas()).containsExactlyInAnyOrder(ContentArea.values());
		assertThat(plan.targets())
			.extracting(Target::kind, Target::measure, Target::comparison, (target) -> target.value().intValueExact(),
					Target::group, Target::appliesTo)
			.containsExactly(
					tuple(Target.Kind.COVERAGE, Target.Measure.PERCENT, Target.Comparison.AT_LEAST, 100,
							"agency-portals", null),
					tuple(Target.Kind.COVERAGE, Target.Measure.PERCENT, Target.Comparison.AT_LEAST, 100,
							"commune-radio-stations", UnitKind.COMMUNE),
					tuple(Target.Kind.COVERAGE, Target.Measure.PERCENT, Target.Comparison.AT_LEAST, 90,
							"commune-post-offices", UnitKind.COMMUNE));
		// Eleven responsible bodies, the last of them every commune of the district.
		assertThat(plan.activities()).hasSize(11);
		assertThat(plan.activities().get(10)).extracting(Activity::leadUnitKinds, Activity::leadLabel)
			.containsExactly(List.of(UnitKind.COMMUNE), "Ủy ban nhân dân các xã, thị trấn");
		assertThat(plan.targets().get(1).activityId()).isEqualTo("HD11");
		assertThat(demo.units())
			.filteredOn((unit) -> unit.kind() == UnitKind.COMMUNE && demo.isWithin(unit.code(), "524", plan.from()))
			.extracting(UnitDetails::name)
			.contains("Thị trấn Châu Ổ");
		assertThat(plan.reporting().receiverUnitCode()).isEqualTo("524-PVHTT");
	}

	@Test
	void tayNinhPlanListsItsEightActivityGroupsWithTheirProductsAndBudgetsTwoBillionOneHundredSixtySevenMillionDong() {
		PlanDetails plan = demo.plan("72-2020-CCHC").draft();
		assertThat(plan.issuerCode()).isEqualTo("72");
		assertThat(plan.from()).isEqualTo(LocalDate.of(2020, 1, 1));
		assertThat(plan.to()).isEqualTo(LocalDate.of(2020, 12, 31));
		assertThat(plan.budgetVnd()).isEqualTo(2_167_000_000L);
		assertThat(plan.budgetNote()).contains("2.167.000.000 đồng")
			.contains("Sở Tài chính")
			.contains("kinh phí hoạt động thường xuyên của đơn vị");
		assertThat(plan.activities()).hasSize(8).allSatisfy((activity) -> {
			assertThat(activity.expectedProducts()).as(activity.activityId()).isNotBlank();
			assertThat(activity.expectedEvidence()).as(activity.activityId()).isNotEmpty();
		});
		assertThat(plan.activities()).extracting(Activity::form)
			.containsExactly(ActivityForm.CONFERENCE, ActivityForm.NEWSPAPER, ActivityForm.REPORTAGE,
					ActivityForm.REPORTAGE, ActivityForm.SOUVENIR, ActivityForm.TRAINING, ActivityForm.CONTEST,
					ActivityForm.DIALOGUE);
		assertThat(activity(plan, "HD02").metrics()).contains("articles", "visits", "online_filings");
		assertThat(activity(plan, "HD06").expectedEvidence()).contains(EvidenceKind.ATTENDANCE_LIST,
				EvidenceKind.VIDEO);
	}

	@Test
	void ninhThuanOfficePlanTracksTheProvinceIndexThresholds() {
		PlanDetails plan = demo.plan("58-VP-2023-CCHC").draft();
		assertThat(plan.issuerCode()).isEqualTo("58-VPUBND");
		assertThat(plan.from()).isEqualTo(LocalDate.of(2023, 1, 1));
		assertThat(plan.to()).isEqualTo(LocalDate.of(2023, 12, 31));
		assertThat(plan.targets())
			.allSatisfy((target) -> assertThat(target.kind()).isIn(Target.Kind.INDEX, Target.Kind.QUANTITY));
		assertThat(plan.targets()).filteredOn((target) -> target.value() != null)
			.extracting(Target::index, Target::measure, Target::comparison,
					(target) -> target.value().stripTrailingZeros().toPlainString())
			.contains(tuple("PAR INDEX", Target.Measure.RANK, Target.Comparison.AT_MOST, "30"),
					tuple("PAR INDEX", Target.Measure.RANK_INCREASE, Target.Comparison.AT_LEAST, "5"),
					tuple("PAPI", Target.Measure.RANK, Target.Comparison.AT_MOST, "20"),
					tuple("PCI", Target.Measure.SCORE, Target.Comparison.ABOUT, "68.9"),
					tuple("SIPAS", Target.Measure.PERCENT, Target.Comparison.AT_LEAST, "89.64"),
					tuple("Chính quyền số", Target.Measure.PERCENT, Target.Comparison.AT_LEAST, "95"),
					tuple("DDCI", Target.Measure.SCORE_INCREASE, Target.Comparison.AT_LEAST, "3"),
					tuple("DDCI", Target.Measure.SCORE, Target.Comparison.ABOUT, "83"),
					tuple("DDCI", Target.Measure.SCORE, Target.Comparison.ABOUT, "80"),
					tuple(null, Target.Measure.PERCENT, Target.Comparison.AT_LEAST, "20"));
		// The plan asks for DTI "thuộc nhóm khá của cả nước".
		assertThat(plan.targets()).filteredOn((target) -> "DTI".equals(target.index()))
			.singleElement()
			.extracting(Target::measure, Target::level)
			.containsExactly(Target.Measure.LEVEL, "Khá");
		assertThat(plan.activities())
			.allSatisfy((activity) -> assertThat(activity.leadUnitKinds()).containsExactly(UnitKind.OFFICE));
	}

	@Test
	void binhPhuocConstructionDepartmentReportsEveryQuarterHalfYearAndYearToHomeAffairs() {
		DemoData.DemoPlan file = demo.plan("70-SXD-2024-780-KH-SXD");
		PlanDetails plan = file.draft();
		assertThat(plan.number()).isEqualTo("780/KH-SXD");
		assertThat(file.issuedOn()).isEqualTo(LocalDate.of(2024, 3, 27));
		assertThat(plan.title()).isEqualTo("Thông tin, tuyên truyền cải cách hành chính năm 2024 tại Sở Xây dựng");
		assertThat(plan.issuerCode()).isEqualTo("70-SXD");
		assertThat(demo.unit("70-SXD")).get()
			.extracting(UnitDetails::kind, UnitDetails::parentCode)
			.containsExactly(UnitKind.DEPARTMENT, "70");
		assertThat(plan.reporting().periods()).containsExactly(PeriodType.QUARTER, PeriodType.HALF_YEAR,
				PeriodType.YEAR);
		assertThat(plan.reporting().cutOff()).isEqualTo(CutOff.DECREE_09_2019);
		assertThat(plan.reporting().deadlines()).allSatisfy((deadline) -> {
			assertThat(deadline.dueBefore()).isNull();
			assertThat(deadline.daysAfterCutOff()).isPositive();
		});
		assertThat(plan.reporting().receiverUnitCode()).isEqualTo("70-SNV");
		assertThat(plan.reporting().note()).contains("hằng quý, sáu tháng và năm")
			.contains("Nghị định số 09/2019/NĐ-CP");
		assertThat(plan.activities()).extracting(Activity::leadUnitCode).contains("70-SXD-VP");
	}

	@Test
	void theTextsAreVietnameseWithDiacriticsEvenWhereTheSourceWasOcrWithout() {
		for (DemoData.DemoPlan file : demo.plans()) {
			PlanDetails plan = file.draft();
			List<String> texts = new ArrayList<>();
			texts.add(plan.title());
			plan.activities().forEach((activity) -> texts.add(activity.title()));
			plan.targets().forEach((target) -> texts.add(target.description()));
			texts.add(plan.reporting().note());
			assertThat(texts).as(plan.planId())
				.allSatisfy((text) -> assertThat(text)
					.containsPattern("[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]"));
		}
	}

	private static List<String> ids(String prefix, int count) {
		return IntStream.rangeClosed(1, count).mapToObj((n) -> "%s%02d".formatted(prefix, n)).toList();
	}

	private static Activity activity(PlanDetails plan, String activityId) {
		return plan.activities()
			.stream()
			.filter((activity) -> activity.activityId().equals(activityId))
			.findFirst()
			.orElseThrow();
	}

	/** The province a unit belongs to on a day: where its parents lead. */
	private static String topOf(String code, LocalDate day) {
		Map<String, UnitDetails> byCode = demo.unitsByCode();
		String current = code;
		while (byCode.get(current).parentOn(day) != null) {
			current = byCode.get(current).parentOn(day);
		}
		return current;
	}

	private static List<UnitDetails> territorialUnder(String province, LocalDate day) {
		return demo.units()
			.stream()
			.filter((unit) -> TERRITORIAL.contains(unit.kind()) && unit.validOn(day)
					&& demo.isWithin(unit.code(), province, day))
			.toList();
	}

	private static List<UnitDetails> communesOf27(LocalDate day) {
		return territorialUnder("27", day).stream().filter((unit) -> unit.kind() == UnitKind.COMMUNE).toList();
	}

	/** Territorial depth (the province is 1) to the kinds found at that depth. */
	private static Map<Integer, Set<UnitKind>> levels(String province, LocalDate day) {
		Map<String, UnitDetails> byCode = demo.unitsByCode();
		Function<UnitDetails, Integer> depth = (unit) -> {
			int levels = 1;
			for (String parent = unit.parentOn(day); parent != null; parent = byCode.get(parent).parentOn(day)) {
				levels++;
			}
			return levels;
		};
		return territorialUnder(province, day).stream()
			.collect(Collectors.groupingBy(depth, TreeMap::new,
					Collectors.mapping(UnitDetails::kind, Collectors.toSet())));
	}

}
