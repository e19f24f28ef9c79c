package vn.gov.cchc.plan.unit;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.gov.cchc.plan.PlanServiceIntegrationTest;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.web.util.DefaultUriBuilderFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.gov.cchc.plan.TestCallers.adminOf;
import static vn.gov.cchc.plan.TestCallers.administrator;
import static vn.gov.cchc.plan.TestCallers.bearer;

/**
 * What the unit integration tests share: calling the unit API and reading
 * {@code cchc.units} as another service would. Writes are the administrator's; reads are
 * made as the administrator of the province the unit read belongs to.
 */
abstract class UnitApiTest extends PlanServiceIntegrationTest {

	protected static final JsonMapper json = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	protected MvcTestResult put(String body) {
		return this.mvc.put()
			.uri(UnitApi.UNITS)
			.with(bearer(administrator()))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body.getBytes(StandardCharsets.UTF_8))
			.exchange();
	}

	protected MvcTestResult post(String uri, String body) {
		return this.mvc.post()
			.uri(uri)
			.with(bearer(administrator()))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body.getBytes(StandardCharsets.UTF_8))
			.exchange();
	}

	/** GETs a unit's record or children, as the administrator of its province. */
	protected JsonNode get(String uri, Object... variables) {
		String path = new DefaultUriBuilderFactory().expand(uri, variables).getPath();
		String unit = path.substring(UnitApi.UNITS.length() + 1).split("[/:]")[0];
		return getAs(adminOf(unit), uri, variables);
	}

	protected JsonNode getAs(String token, String uri, Object... variables) {
		MvcTestResult result = this.mvc.get().uri(uri, variables).with(bearer(token)).exchange();
		assertThat(result).hasStatusOk();
		return body(result);
	}

	protected static JsonNode body(MvcTestResult result) {
		return json.readTree(result.getResponse().getContentAsByteArray());
	}

	/** Waits until every unit is in the view with a state the condition accepts. */
	protected void awaitUnits(Predicate<JsonNode> condition, String... codes) {
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			for (String code : codes) {
				MvcTestResult result = this.mvc.get()
					.uri("/api/v1/units/{code}", code)
					.with(bearer(adminOf(code)))
					.exchange();
				assertThat(result).as("unit %s", code).hasStatusOk();
				assertThat(condition.test(body(result))).as("state of unit %s", code).isTrue();
			}
		});
	}

	protected void awaitUnits(String... codes) {
		awaitUnits((unit) -> true, codes);
	}

	/**
	 * The tree on a day as {@code GET /api/v1/units?on=} shows it to the administrator of
	 * the test's province, limited to a test's codes: unit code to its parent that day.
	 */
	protected Map<String, @Nullable String> treeOn(String day, String root) {
		Map<String, @Nullable String> tree = new LinkedHashMap<>();
		getAs(adminOf(root), "/api/v1/units?on={day}", day).valueStream()
			.filter((unit) -> isUnder(unit.get("code").asString(), root))
			.forEach((unit) -> {
				assertThat(unit.get("on").asString()).isEqualTo(day);
				tree.put(unit.get("code").asString(), text(unit.get("parentCode")));
			});
		return tree;
	}

	/** Records on {@code cchc.units} of a test's codes, in order. */
	protected List<ConsumerRecord<String, String>> unitRecords(String root) {
		return topic("cchc.units").all()
			.stream()
			.filter((record) -> record.key() != null && isUnder(record.key(), root))
			.toList();
	}

	/**
	 * Whether the code is one of a test's: the test's root code or one made from it
	 * ({@code UT1.BS} of {@code UT1}, but not {@code UT10}).
	 */
	protected static boolean isUnder(String code, String root) {
		return code.equals(root) || code.startsWith(root + ".");
	}

	protected static String type(ConsumerRecord<String, String> record) {
		return json.readTree(record.value()).get("type").asString();
	}

	protected static List<String> fields(MvcTestResult result) {
		return body(result).get("errors").valueStream().map((error) -> error.get("field").asString()).toList();
	}

	protected static @Nullable String text(@Nullable JsonNode node) {
		return (node == null || node.isNull()) ? null : node.asString();
	}

}
