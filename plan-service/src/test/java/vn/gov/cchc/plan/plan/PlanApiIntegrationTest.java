package vn.gov.cchc.plan.plan;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import tools.jackson.databind.JsonNode;
import vn.gov.cchc.plan.PlanServiceIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.web.util.UriComponents;
import org.springframework.web.util.UriComponentsBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.gov.cchc.plan.TestCallers.adminOf;
import static vn.gov.cchc.plan.TestCallers.administrator;
import static vn.gov.cchc.plan.TestCallers.bearer;

/**
 * What the plan API tests share: registering units, calling the API, and looking at the
 * store and at {@code cchc.plans}. Writes are the administrator's; a plan is read as the
 * administrator of the province its id starts with ({@code PLA-LIFE-2022} is of
 * {@code PLA}).
 */
abstract class PlanApiIntegrationTest extends PlanServiceIntegrationTest {

	@Autowired
	protected MongoTemplate mongo;

	protected void registerUnits(String body, String... codes) {
		assertThat(this.mvc.put()
			.uri("/api/v1/units")
			.with(bearer(administrator()))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body.getBytes(StandardCharsets.UTF_8))).hasStatus(HttpStatus.ACCEPTED);
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			for (String code : codes) {
				assertThat(this.mvc.get().uri("/api/v1/units/{code}", code).with(bearer(adminOf(code)))).hasStatusOk();
			}
		});
	}

	protected MvcTestResult put(String planId, Object body) {
		return send(this.mvc.put().uri("/api/v1/plans/{planId}", planId).with(bearer(administrator())), body);
	}

	protected MvcTestResult post(String planId, String verb, Object body) {
		return send(this.mvc.post().uri("/api/v1/plans/{planId}:" + verb, planId).with(bearer(administrator())), body);
	}

	/**
	 * GETs a plan's path as the administrator of the plan's province, or a list as the
	 * administrator of the issuer it asks for (or the administrator, if it names none).
	 */
	protected MvcTestResult get(String path, Object... variables) {
		UriComponents uri = UriComponentsBuilder.fromUriString(path).buildAndExpand(variables);
		String planPath = uri.getPath().substring("/api/v1/plans".length());
		String issuer = uri.getQueryParams().getFirst("issuer");
		String token = planPath.isEmpty() ? ((issuer != null) ? adminOf(issuer) : administrator())
				: adminOf(planPath.substring(1).split("[/:]")[0]);
		return this.mvc.get().uri(path, variables).with(bearer(token)).exchange();
	}

	private static MvcTestResult send(MockMvcRequestBuilder request, Object body) {
		String text = (body instanceof String string) ? string : PlanJson.json.writeValueAsString(body);
		return request.contentType(MediaType.APPLICATION_JSON)
			.content(text.getBytes(StandardCharsets.UTF_8))
			.exchange();
	}

	protected static JsonNode body(MvcTestResult result) {
		return PlanJson.json.readTree(result.getResponse().getContentAsByteArray());
	}

	/** The plan's document as stored, or {@code null}. */
	protected Document stored(String planId) {
		return this.mongo.getCollection(Plans.COLLECTION).find(new Document("_id", planId)).first();
	}

	/** The outbox entries of the plan still pending. */
	protected List<Document> outbox(String planId) {
		Document plan = stored(planId);
		return (plan != null) ? plan.getList("outbox", Document.class, List.of()) : List.of();
	}

	/** The records of the plan on {@code cchc.plans}. */
	protected List<ConsumerRecord<String, String>> planRecords(String planId) {
		return topic("cchc.plans").withKey(planId);
	}

	/** Waits until the relay has published every pending event of the plan. */
	protected void awaitPublished(String planId) {
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(outbox(planId)).isEmpty());
	}

	protected static JsonNode event(ConsumerRecord<String, String> record) {
		return PlanJson.json.readTree(record.value());
	}

}
