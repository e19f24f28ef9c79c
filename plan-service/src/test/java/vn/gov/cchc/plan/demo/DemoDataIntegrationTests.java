package vn.gov.cchc.plan.demo;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.gov.cchc.events.PlanDetails;
import vn.gov.cchc.events.PlanDetails.Target;
import vn.gov.cchc.events.PlanStatus;
import vn.gov.cchc.events.UnitDetails;
import vn.gov.cchc.events.UnitKind;
import vn.gov.cchc.plan.PlanServiceIntegrationTest;
import vn.gov.cchc.testing.TestTokens;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.gov.cchc.plan.TestCallers.administrator;
import static vn.gov.cchc.plan.TestCallers.bearer;

/**
 * The demo data loads through the HTTP API the way the runtime script loads it
 * ({@code PUT
 * /api/v1/units}, then for every plan file {@code PUT /api/v1/plans/{planId}} and
 * {@code POST /api/v1/plans/{planId}:issue}) and reads back whole: each plan as issued,
 * the Bắc Ninh tree with three levels on 30 June 2025 and two on 1 July 2025. Other
 * classes share the database, so every assertion is about the demo's own codes and plan
 * ids. The administrator loads everything; each unit and plan is read back by the
 * administrator of its province.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoDataIntegrationTests extends PlanServiceIntegrationTest {

	/** Reads what the service answers; a field it adds does not break the comparison. */
	private static final JsonMapper json = JsonMapper.builder().build();

	private static final LocalDate LAST_DAY_OF_THREE_LEVELS = LocalDate.of(2025, 6, 30);

	private static final LocalDate FIRST_DAY_OF_TWO_LEVELS = LocalDate.of(2025, 7, 1);

	private DemoData demo;

	@BeforeAll
	void loadTheDemoDataLikeTheRuntimeScript() throws Exception {
		this.demo = DemoData.load();
		byte[] units = Files.readAllBytes(this.demo.directory().resolve("units.json"));
		assertThat(this.mvc.put()
			.uri("/api/v1/units")
			.with(bearer(administrator()))
			.contentType(MediaType.APPLICATION_JSON)
			.content(units)).hasStatus(HttpStatus.ACCEPTED);
		// The view catches up from cchc.units; plans are checked against it.
		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			for (UnitDetails unit : this.demo.units()) {
				assertThat(this.mvc.get().uri("/api/v1/units/{code}", unit.code()).with(bearer(adminOf(unit.code()))))
					.as(unit.code())
					.hasStatusOk();
			}
		});
		for (DemoData.DemoPlan plan : this.demo.plans()) {
			MvcTestResult draft = this.mvc.put()
				.uri("/api/v1/plans/{planId}", plan.planId())
				.with(bearer(administrator()))
				.contentType(MediaType.APPLICATION_JSON)
				.content(json.writeValueAsBytes(plan.body()))
				.exchange();
			assertThat(draft.getResponse().getStatus()).as("PUT %s: %s", plan.planId(), body(draft))
				.isBetween(200, 299);
			MvcTestResult issued = this.mvc.post()
				.uri("/api/v1/plans/{planId}:issue", plan.planId())
				.with(bearer(administrator()))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"issuedOn\": \"%s\"}".formatted(plan.issuedOn()).getBytes(StandardCharsets.UTF_8))
				.exchange();
			assertThat(issued.getResponse().getStatus()).as("issue %s: %s", plan.planId(), body(issued))
				.isBetween(200, 299);
		}
	}

	@Test
	void readsBackEverySeedPlanAsIssuedWithEverythingItWasGiven() {
		for (DemoData.DemoPlan plan : this.demo.plans()) {
			MvcTestResult result = this.mvc.get()
				.uri("/api/v1/plans/{planId}", plan.planId())
				.with(bearer(adminOf(plan.issued().issuerCode())))
				.exchange();
			assertThat(result).as(plan.planId()).hasStatusOk();
			// The plan as it reads inside its view: {planId, status, revision, plan,
			// ...}.
			PlanDetails read = json.treeToValue(tree(result).required("plan"), PlanDetails.class);
			assertThat(read.status()).as(plan.planId()).isEqualTo(PlanStatus.ISSUED);
			assertThat(read.version()).as(plan.planId()).isEqualTo(1);
			assertThat(read.issuedOn()).as(plan.planId()).isEqualTo(plan.issuedOn());
			assertThat(normalized(read)).as(plan.planId()).isEqualTo(normalized(plan.issued()));
		}
	}

	@Test
	void listsTheBacNinhPlanUnderItsIssuerAndYear() {
		MvcTestResult result = this.mvc.get()
			.uri("/api/v1/plans?issuer=27&year=2022")
			.with(bearer(TestTokens.admin("27")))
			.exchange();

		assertThat(result).hasStatusOk();
		assertThat(values(tree(result), "planId")).contains("27-2022-22-KH-UBND")
			.doesNotContain("524-2022-2025-CCHC", "72-2020-CCHC");
	}

	@Test
	void theTreeOn30June2025HasTheBacNinhDistrictsAndTheirCommunes() {
		Map<String, @Nullable String> parents = parentsIn(unitsOn(LAST_DAY_OF_THREE_LEVELS));

		for (UnitDetails unit : bacNinh(LAST_DAY_OF_THREE_LEVELS)) {
			assertThat(parents).as("on %s", LAST_DAY_OF_THREE_LEVELS).containsKey(unit.code());
			assertThat(parents.get(unit.code())).as("parent of %s", unit.code())
				.isEqualTo(unit.parentOn(LAST_DAY_OF_THREE_LEVELS));
		}
		assertThat(parents).containsKeys("256", "258", "259", "260", "261", "262", "263", "264", "09190", "09247")
			.doesNotContainKeys(formedIn2025());
		assertThat(parents.get("09202")).isEqualTo("258");
	}

	@Test
	void theTreeOn1July2025HasOnlyTheProvinceAndItsCommunes() {
		Map<String, @Nullable String> parents = parentsIn(unitsOn(FIRST_DAY_OF_TWO_LEVELS));

		for (UnitDetails unit : bacNinh(FIRST_DAY_OF_TWO_LEVELS)) {
			assertThat(parents).as("on %s", FIRST_DAY_OF_TWO_LEVELS).containsKey(unit.code());
			assertThat(parents.get(unit.code())).as("parent of %s", unit.code())
				.isEqualTo(unit.parentOn(FIRST_DAY_OF_TWO_LEVELS));
		}
		assertThat(parents).containsKeys(formedIn2025())
			.doesNotContainKeys("256", "258", "259", "260", "261", "262", "263", "264", "09190", "09193", "09247",
					"09250");
		assertThat(parents.get("09202")).isEqualTo("27");
	}

	private JsonNode unitsOn(LocalDate day) {
		MvcTestResult result = this.mvc.get()
			.uri("/api/v1/units?on={day}", day)
			.with(bearer(TestTokens.admin("27")))
			.exchange();
		assertThat(result).as("units on %s", day).hasStatusOk();
		return tree(result);
	}

	/**
	 * The administrator of the province a demo unit belongs to now (or when it ended):
	 * the top of its parents.
	 */
	private String adminOf(String unitCode) {
		Map<String, UnitDetails> units = this.demo.unitsByCode();
		String top = unitCode;
		for (int depth = 0; units.get(top).parentCode() != null && depth < 16; depth++) {
			top = units.get(top).parentCode();
		}
		return TestTokens.admin(top);
	}

	/** The territorial units of Bắc Ninh that existed on the day. */
	private List<UnitDetails> bacNinh(LocalDate day) {
		return this.demo.units()
			.stream()
			.filter((unit) -> Set.of(UnitKind.PROVINCE, UnitKind.DISTRICT, UnitKind.COMMUNE).contains(unit.kind())
					&& unit.validOn(day) && this.demo.isWithin(unit.code(), "27", day))
			.toList();
	}

	private String[] formedIn2025() {
		return this.demo.units()
			.stream()
			.filter((unit) -> unit.validFrom().equals(FIRST_DAY_OF_TWO_LEVELS))
			.map(UnitDetails::code)
			.toArray(String[]::new);
	}

	/**
	 * Every unit in an answer and its parent, whether the answer is a flat list (each
	 * unit naming its {@code parentCode}) or a nested tree (the enclosing unit is the
	 * parent).
	 */
	private static Map<String, @Nullable String> parentsIn(JsonNode answer) {
		Map<String, @Nullable String> parents = new HashMap<>();
		collect(answer, null, parents);
		return parents;
	}

	private static void collect(JsonNode node, @Nullable String enclosing, Map<String, @Nullable String> parents) {
		if (node.isArray()) {
			node.values().forEach((element) -> collect(element, enclosing, parents));
			return;
		}
		if (!node.isObject()) {
			return;
		}
		String here = enclosing;
		JsonNode code = node.get("code");
		if (code != null && code.isString()) {
			JsonNode parent = node.get("parentCode");
			parents.put(code.asString(), (parent != null && parent.isString()) ? parent.asString() : enclosing);
			here = code.asString();
		}
		for (Map.Entry<String, JsonNode> property : node.properties()) {
			if (property.getValue().isContainer()) {
				collect(property.getValue(), here, parents);
			}
		}
	}

	private static List<String> values(JsonNode node, String field) {
		List<String> found = new ArrayList<>();
		if (node.isObject() && node.get(field) != null && node.get(field).isString()) {
			found.add(node.get(field).asString());
		}
		node.values().forEach((child) -> found.addAll(values(child, field)));
		return found;
	}

	private static JsonNode tree(MvcTestResult result) {
		return json.readTree(result.getResponse().getContentAsByteArray());
	}

	private static String body(MvcTestResult result) {
		return new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
	}

	/**
	 * The plan with its target values scale-free: 83.0 and 83 are the same threshold, and
	 * a store may keep either.
	 */
	private static PlanDetails normalized(PlanDetails plan) {
		List<Target> targets = plan.targets()
			.stream()
			.map((target) -> new Target(target.targetId(), target.description(), target.kind(), target.measure(),
					target.comparison(), strip(target.value()), target.level(), target.activityId(), target.appliesTo(),
					target.group(), target.metric(), target.index(), target.inheritedFrom()))
			.collect(Collectors.toList());
		return new PlanDetails(plan.planId(), plan.version(), plan.status(), plan.number(), plan.title(),
				plan.issuerCode(), plan.issuedOn(), plan.from(), plan.to(), plan.basis(), plan.contentAreas(),
				plan.activities(), targets, plan.budgetVnd(), plan.budgetNote(), plan.reporting());
	}

	private static @Nullable BigDecimal strip(@Nullable BigDecimal value) {
		return (value != null) ? value.stripTrailingZeros() : null;
	}

}
