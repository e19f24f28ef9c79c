package vn.gov.cchc.plan.plan;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import vn.gov.cchc.events.PlanDetails;
import vn.gov.cchc.events.PlanStatus;
import vn.gov.cchc.events.UnitContacts;
import vn.gov.cchc.events.UnitDetails;
import vn.gov.cchc.events.UnitKind;
import vn.gov.cchc.web.FieldError;
import vn.gov.cchc.web.ProblemException;
import vn.gov.cchc.web.Problems;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.gov.cchc.plan.plan.PlanJson.activity;
import static vn.gov.cchc.plan.plan.PlanJson.basis;
import static vn.gov.cchc.plan.plan.PlanJson.cadence;
import static vn.gov.cchc.plan.plan.PlanJson.reporting;
import static vn.gov.cchc.plan.plan.PlanJson.target;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The rules of a plan's content, against a unit tree and parent plans held in memory.
 */
class PlanValidatorTests {

	private static final String P = "PV";

	private static final UnitContacts NONE = new UnitContacts(null, null, null);

	private static final Map<String, UnitDetails> units = Map.of(P,
			new UnitDetails(P, "Tỉnh Thử Nghiệm", UnitKind.PROVINCE, null, LocalDate.of(1997, 1, 1), null, NONE),
			P + ".SNV",
			new UnitDetails(P + ".SNV", "Sở Nội vụ", UnitKind.DEPARTMENT, P, LocalDate.of(1997, 1, 1), null, NONE),
			P + ".PTTH",
			new UnitDetails(P + ".PTTH", "Đài PT-TH", UnitKind.AGENCY, P, LocalDate.of(1997, 1, 1), null, NONE),
			P + ".D1", new UnitDetails(P + ".D1", "Huyện Một", UnitKind.DISTRICT, P, LocalDate.of(1997, 1, 1),
					LocalDate.of(2025, 6, 30), NONE));

	private static final Map<String, PlanDetails> plansInForce = Map.of("PV-PROVINCE-2022",
			parentPlan("PV-PROVINCE-2022", P, PlanStatus.ISSUED, 2022), "PV-DISTRICT-2022",
			parentPlan("PV-DISTRICT-2022", P + ".D1", PlanStatus.ISSUED, 2022), "PV-CLOSED-2022",
			parentPlan("PV-CLOSED-2022", P, PlanStatus.CLOSED, 2022), "PV-PROVINCE-2019",
			parentPlan("PV-PROVINCE-2019", P, PlanStatus.ISSUED, 2019));

	private final PlanValidator validator = new PlanValidator(new PlanReferences() {

		@Override
		public Optional<UnitDetails> unit(String code) {
			return Optional.ofNullable(units.get(code));
		}

		@Override
		public boolean isWithin(String code, String ancestorCode, LocalDate day) {
			for (UnitDetails unit = units.get(code); unit != null
					&& unit.validOn(day); unit = (unit.parentOn(day) != null) ? units.get(unit.parentOn(day)) : null) {
				if (unit.code().equals(ancestorCode)) {
					return true;
				}
			}
			return false;
		}

		@Override
		public Optional<PlanDetails> planInForce(String planId) {
			return Optional.ofNullable(plansInForce.get(planId));
		}

	});

	private static PlanDetails parentPlan(String planId, String issuer, PlanStatus status, int year) {
		PlanDetails plan = PlanFixtures.oneYearPlan(planId, issuer, P + ".PTTH", year);
		return Plans.withStatus(plan, status);
	}

	@Test
	void acceptsAValidPlanAsADraftWithStrippedTextAndTheDefaultCutOff() {
		ObjectNode plan = PlanJson.yearPlan(P, 2022);
		plan.put("title", "  Kế hoạch tuyên truyền CCHC năm 2022  ");
		((ObjectNode) plan.get("reporting")).remove("cutOff");

		PlanDetails draft = validate("PV-2022", plan);

		assertThat(draft.planId()).isEqualTo("PV-2022");
		assertThat(draft.status()).isEqualTo(PlanStatus.DRAFT);
		assertThat(draft.version()).isZero();
		assertThat(draft.issuedOn()).isNull();
		assertThat(draft.title()).isEqualTo("Kế hoạch tuyên truyền CCHC năm 2022");
		assertThat(draft.reporting().cutOff()).isEqualTo(PlanDetails.ReportingRegime.CutOff.DECREE_09_2019);
		assertThat(draft.activities()).extracting(PlanDetails.Activity::activityId).containsExactly("HD01", "HD02");
		assertThat(draft.targets().get(1).value()).isEqualByComparingTo("89.64");
	}

	@Test
	void keepsAMongoOperatorOrMarkupInATextFieldAsPlainText() {
		ObjectNode plan = PlanJson.yearPlan(P, 2022);
		plan.put("title", "{\"$where\": \"sleep(1000)\"} <script>alert(1)</script>");

		assertThat(validate("PV-2022", plan).title())
			.isEqualTo("{\"$where\": \"sleep(1000)\"} <script>alert(1)</script>");
	}

	@Test
	void acceptsAPlanImplementingAnAncestorsPlanWithInheritedRows() {
		ObjectNode plan = PlanJson.yearPlan(P, 2022);
		plan.put("issuerCode", P + ".D1");
		((ObjectNode) plan.get("basis")).put("parentPlanId", "PV-PROVINCE-2022");
		((ObjectNode) plan.get("activities").get(1)).put("inheritedFrom", "PV-PROVINCE-2022/HD02");

		PlanDetails draft = validate("PV-D1-2022", plan);

		assertThat(draft.basis().parentPlanId()).isEqualTo("PV-PROVINCE-2022");
		assertThat(draft.activities().get(1).inheritedFrom()).isEqualTo("PV-PROVINCE-2022/HD02");
	}

	@Test
	void reportsEveryBrokenRuleAtOnce() {
		ObjectNode plan = PlanJson.yearPlan(P, 2022);
		plan.remove("number");
		plan.put("title", "");
		((ObjectNode) plan.get("activities").get(0)).put("budgetVnd", -1);
		((ObjectNode) plan.get("reporting")).put("receiverUnitCode", "PV.NONE");

		assertThat(problem("PV-2022", plan).getProblem().getStatus()).isEqualTo(400);
		assertThat(fields(problem("PV-2022", plan))).containsExactly("number", "title", "activities[0].budgetVnd",
				"reporting.receiverUnitCode");
	}

	static Stream<Arguments> badPlans() {
		return Stream.of(bad("number missing", (plan) -> plan.remove("number"), "number", 400),
				bad("number not a document number", (plan) -> plan.put("number", "KH-UBND/22"), "number", 400),
				bad("number over 40 characters", (plan) -> plan.put("number", "22/" + "KH-".repeat(12) + "UBND"),
						"number", 400),
				bad("title blank", (plan) -> plan.put("title", "   "), "title", 400),
				bad("title over 500 characters", (plan) -> plan.put("title", "Đ".repeat(501)), "title", 400),
				bad("title with a control character", (plan) -> plan.put("title", "Kế hoạch\u0007"), "title", 400),
				bad("issuer malformed", (plan) -> plan.put("issuerCode", "pv tỉnh"), "issuerCode", 400),
				bad("issuer unknown", (plan) -> plan.put("issuerCode", "PV.NONE"), "issuerCode", 422),
				bad("issuer not existing on the first day", (plan) -> {
					plan.put("issuerCode", P + ".D1");
					plan.put("from", "2026-01-01");
					plan.put("to", "2026-12-31");
				}, "issuerCode", 422), bad("to before from", (plan) -> plan.put("to", "2021-12-31"), "to", 400),
				bad("longer than five years", (plan) -> plan.put("to", "2027-01-01"), "to", 400),
				bad("from missing", (plan) -> plan.remove("from"), "from", 400),
				bad("parent plan unknown", (plan) -> basis(plan).put("parentPlanId", "PV-NONE"), "basis.parentPlanId",
						422),
				bad("parent plan of a unit below the issuer",
						(plan) -> basis(plan).put("parentPlanId", "PV-DISTRICT-2022"), "basis.parentPlanId", 422),
				bad("parent plan closed", (plan) -> {
					plan.put("issuerCode", P + ".D1");
					basis(plan).put("parentPlanId", "PV-CLOSED-2022");
				}, "basis.parentPlanId", 422), bad("parent plan of another period", (plan) -> {
					plan.put("issuerCode", P + ".D1");
					basis(plan).put("parentPlanId", "PV-PROVINCE-2019");
				}, "basis.parentPlanId", 422),
				bad("51 documents cited",
						(plan) -> basis(plan).set("documents", strings(51, "Quyết định số 1/QĐ-UBND")),
						"basis.documents", 400),
				bad("no content area", (plan) -> plan.putArray("contentAreas"), "contentAreas", 400),
				bad("content area twice", (plan) -> plan.putArray("contentAreas").add("DIRECTION").add("DIRECTION"),
						"contentAreas[1]", 400),
				bad("activity id twice", (plan) -> activity(plan, 1).put("activityId", "HD01"),
						"activities[1].activityId", 400),
				bad("activity id with lower case and spaces", (plan) -> activity(plan, 0).put("activityId", "hd 01"),
						"activities[0].activityId", 400),
				bad("activity null", (plan) -> ((ArrayNode) plan.get("activities")).addNull(), "activities[2]", 400),
				bad("lead kind repeated", (plan) -> ((ArrayNode) activity(plan, 1).get("leadUnitKinds")).add("COMMUNE"),
						"activities[1].leadUnitKinds[1]", 400),
				bad("neither lead unit nor lead kind", (plan) -> activity(plan, 1).remove("leadUnitKinds"),
						"activities[1].leadUnitCode", 400),
				bad("lead unit unknown", (plan) -> activity(plan, 0).put("leadUnitCode", "PV.NONE"),
						"activities[0].leadUnitCode", 422),
				bad("coordinating unit gone before the plan", (plan) -> {
					plan.put("from", "2026-01-01");
					plan.put("to", "2026-12-31");
					activity(plan, 0).putArray("coordinatingUnitCodes").add(P + ".D1");
				}, "activities[0].coordinatingUnitCodes[0]", 422),
				bad("no metric", (plan) -> activity(plan, 0).putArray("metrics"), "activities[0].metrics", 400),
				bad("metric in camel case",
						(plan) -> activity(plan, 0).putArray("metrics").add("broadcasts").add("radioMinutes"),
						"activities[0].metrics[1]", 400),
				bad("metric twice", (plan) -> activity(plan, 0).putArray("metrics").add("minutes").add("minutes"),
						"activities[0].metrics[1]", 400),
				bad("negative activity budget", (plan) -> activity(plan, 0).put("budgetVnd", -5),
						"activities[0].budgetVnd", 400),
				bad("absurd plan budget", (plan) -> plan.put("budgetVnd", 10_000_000_000_001L), "budgetVnd", 400),
				bad("weekly cadence with no times", (plan) -> cadence(plan, 0).put("times", 0),
						"activities[0].cadence.times", 400),
				bad("a broadcast longer than a day", (plan) -> cadence(plan, 0).put("minutesEach", 1441),
						"activities[0].cadence.minutesEach", 400),
				bad("cadence without kind", (plan) -> cadence(plan, 0).remove("kind"), "activities[0].cadence.kind",
						400),
				bad("expected products over 2000 characters",
						(plan) -> activity(plan, 0).put("expectedProducts", "x".repeat(2001)),
						"activities[0].expectedProducts", 400),
				bad("inherited without a parent plan",
						(plan) -> activity(plan, 0).put("inheritedFrom", "PV-PROVINCE-2022/HD01"),
						"activities[0].inheritedFrom", 400),
				bad("inherited from an activity the parent lacks", (plan) -> {
					plan.put("issuerCode", P + ".D1");
					basis(plan).put("parentPlanId", "PV-PROVINCE-2022");
					activity(plan, 0).put("inheritedFrom", "PV-PROVINCE-2022/HD99");
				}, "activities[0].inheritedFrom", 422),
				bad("target id twice", (plan) -> target(plan, 1).put("targetId", "CT01"), "targets[1].targetId", 400),
				bad("target of an activity not in the plan", (plan) -> target(plan, 0).put("activityId", "HD09"),
						"targets[0].activityId", 400),
				bad("target metric of another activity", (plan) -> target(plan, 0).put("metric", "minutes"),
						"targets[0].metric", 400),
				bad("target without value", (plan) -> target(plan, 1).remove("value"), "targets[1].value", 400),
				bad("percent over 100", (plan) -> target(plan, 1).put("value", 100.5), "targets[1].value", 400),
				bad("level target without level", (plan) -> {
					target(plan, 1).put("measure", "LEVEL");
					target(plan, 1).remove("value");
				}, "targets[1].level", 400),
				bad("target group with spaces", (plan) -> target(plan, 0).put("group", "đài truyền thanh"),
						"targets[0].group", 400),
				bad("no reporting", (plan) -> plan.remove("reporting"), "reporting", 400),
				bad("no reporting period", (plan) -> reporting(plan).putArray("periods"), "reporting.periods", 400),
				bad("reporting period twice", (plan) -> reporting(plan).putArray("periods").add("YEAR").add("YEAR"),
						"reporting.periods[1]", 400),
				bad("deadline of a period not reported", (plan) -> reporting(plan).putArray("periods").add("YEAR"),
						"reporting.deadlines[0].period", 400),
				bad("deadline with a day and a number of days",
						(plan) -> ((ObjectNode) reporting(plan).get("deadlines").get(0)).put("daysAfterCutOff", 5),
						"reporting.deadlines[0].dueBefore", 400),
				bad("receiver unknown", (plan) -> reporting(plan).put("receiverUnitCode", "PV.NONE"),
						"reporting.receiverUnitCode", 422),
				bad("budget note over 2000 characters", (plan) -> plan.put("budgetNote", "ngân sách ".repeat(201)),
						"budgetNote", 400));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("badPlans")
	void refusesABadPlanNamingTheField(String name, Consumer<ObjectNode> breakIt, String field, int status) {
		ObjectNode plan = PlanJson.yearPlan(P, 2022);
		breakIt.accept(plan);

		ProblemException problem = problem("PV-2022", plan);

		assertThat(problem.getProblem().getStatus()).isEqualTo(status);
		assertThat(fields(problem)).contains(field);
	}

	private PlanDetails validate(String planId, ObjectNode plan) {
		return this.validator.draft(planId, PlanJson.json.treeToValue(plan, PlanRequest.class), List.of());
	}

	private ProblemException problem(String planId, ObjectNode plan) {
		PlanRequest request = PlanJson.json.treeToValue(plan, PlanRequest.class);
		return assertThatExceptionOfType(ProblemException.class)
			.isThrownBy(() -> this.validator.draft(planId, request, List.of()))
			.actual();
	}

	@SuppressWarnings("unchecked")
	private static List<String> fields(ProblemException problem) {
		return ((List<FieldError>) problem.getProblem().getProperties().get(Problems.ERRORS)).stream()
			.map(FieldError::field)
			.toList();
	}

	private static Arguments bad(String name, Consumer<ObjectNode> breakIt, String field, int status) {
		return Arguments.of(name, breakIt, field, status);
	}

	private static ArrayNode strings(int count, String text) {
		ArrayNode array = PlanJson.json.createArrayNode();
		for (int i = 0; i < count; i++) {
			array.add(text);
		}
		return array;
	}

}
