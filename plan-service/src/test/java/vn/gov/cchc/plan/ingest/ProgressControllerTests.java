package vn.gov.cchc.plan.ingest;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mockito.ArgumentCaptor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.gov.cchc.events.CloudEvent;
import vn.gov.cchc.events.ProgressRecorded;
import vn.gov.cchc.events.ProgressRetracted;
import vn.gov.cchc.events.UnitContacts;
import vn.gov.cchc.events.UnitDetails;
import vn.gov.cchc.events.UnitKind;
import vn.gov.cchc.plan.JsonConfiguration;
import vn.gov.cchc.plan.cloudevent.BatchPublisher;
import vn.gov.cchc.plan.cloudevent.CloudEventPublisher;
import vn.gov.cchc.plan.cloudevent.PublishFailedException;
import vn.gov.cchc.plan.plan.PlanFixtures;
import vn.gov.cchc.plan.plan.Plans;
import vn.gov.cchc.plan.unit.UnitDirectory;
import vn.gov.cchc.plan.web.EventBusProblems;
import vn.gov.cchc.security.PlatformSecurityAutoConfiguration;
import vn.gov.cchc.testing.TestTokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.convention.TestBean;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static vn.gov.cchc.plan.TestCallers.bearer;

/**
 * The web side of ingestion: how a body is read, how every kind of bad request is
 * answered, and what is handed to the broker. The broker, the stores and the plan are
 * stand-ins here (plan {@code P1}: activity {@code HD01} led by {@code 09190});
 * {@link ProgressIngestionIntegrationTests} and the other integration tests run the same
 * paths against real ones. Requests carry tokens of the tests' issuer, checked by the
 * real filter chain.
 */
@WebMvcTest(controllers = ProgressController.class,
		properties = { "cchc.security.issuer=" + TestTokens.ISSUER,
				"cchc.security.public-key-location=" + TestTokens.PUBLIC_KEY_LOCATION })
// The slice brings no security of its own; the service's is Spring Security's web
// configuration with platform-security's filter chain on top.
@ImportAutoConfiguration({ SecurityAutoConfiguration.class, ServletWebSecurityAutoConfiguration.class,
		PlatformSecurityAutoConfiguration.class })
@AutoConfigureMetrics
@Import({ JsonConfiguration.class, ProgressIngestion.class, ProgressRequestValidator.class, PlanConformance.class,
		ProgressBatchIngestion.class, ProgressRequestReader.class, EventBusProblems.class })
class ProgressControllerTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final UnitDetails commune = new UnitDetails("09190", "Phường Vũ Ninh", UnitKind.COMMUNE, "256",
			LocalDate.of(1997, 1, 1), null, new UnitContacts(null, null, null));

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private MeterRegistry meters;

	@TestBean
	private Clock clock;

	@MockitoBean
	private UnitDirectory units;

	@MockitoBean
	private ProgressReceipts receipts;

	@MockitoBean
	private Plans plans;

	@MockitoBean
	private CloudEventPublisher publisher;

	@MockitoBean
	private BatchPublisher batchPublisher;

	@BeforeEach
	void knownUnitPlanAndFreeIds() {
		given(this.units.find("09190")).willReturn(Optional.of(commune));
		given(this.plans.inForce("P1")).willReturn(Optional.of(PlanFixtures.oneYearPlan("P1", "27", "09190", 2026)));
		given(this.receipts.find(anyString())).willReturn(Optional.empty());
		given(this.receipts.claim(any())).willReturn(true);
		given(this.receipts.awaitWritten(anyString())).willReturn(true);
	}

	@Test
	void acceptsAValidReportIgnoringUnknownFieldsAndPublishesItKeyedByUnit() {
		MvcTestResult result = post("""
				{"eventId": "evt-00000001", "unitCode": "09190", "planId": "P1", "activityId": "HD01",
				 "date": "2026-11-20", "quantities": {"minutes": 15}, "reporter": "Nguyễn Thị Hà",
				 "source": "commune-app", "extra": {"nested": [1, 2]}}""");

		assertThat(result).hasStatus(HttpStatus.ACCEPTED).bodyJson().isLenientlyEqualTo("""
				{"eventId": "evt-00000001", "status": "ACCEPTED", "recordedAt": "2026-11-20T03:00:00Z"}""");
		ArgumentCaptor<CloudEvent<?>> published = ArgumentCaptor.captor();
		verify(this.publisher).publish(eq("publishProgress-out-0"), eq("09190"), published.capture(), anyMap());
		CloudEvent<?> event = published.getValue();
		assertThat(event.id()).isEqualTo("evt-00000001");
		assertThat(event.subject()).isEqualTo("09190");
		assertThat(event.data()).isInstanceOfSatisfying(ProgressRecorded.class, (data) -> {
			assertThat(data.quantities()).containsEntry("minutes", 15L);
			assertThat(data.evidence()).isEmpty();
			assertThat(data.budgetSpentVnd()).isZero();
			assertThat(data.recordedAt()).isEqualTo(Instant.parse("2026-11-20T03:00:00Z"));
		});
		verify(this.receipts).markRecorded(any());
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource(delimiter = '|', textBlock = """
			"date": 5                               | date
			"date": "20/11/2026"                    | date
			"quantities": {"minutes": "abc"}        | quantities.minutes
			"quantities": {"minutes": "15"}         | quantities.minutes
			"quantities": {"minutes": 1.5}          | quantities.minutes
			"quantities": {"minutes": 1e3}          | quantities.minutes
			"quantities": {"minutes": 99999999999999999999} | quantities.minutes
			"quantities": [15]                      | quantities
			"evidence": "https://bacninh.gov.vn/"   | evidence
			"evidence": [5]                         | evidence[0]
			"budgetSpentVnd": "500000"              | budgetSpentVnd
			"budgetSpentVnd": true                  | budgetSpentVnd
			"reporter": 42                          | reporter
			"reporter": {"name": "Hà"}              | reporter
			""")
	void refusesAValueOfTheWrongJsonTypeNamingItsPath(String member, String field) {
		MvcTestResult result = post("""
				{"eventId": "evt-00000002", "unitCode": "09190", "planId": "P1", "activityId": "HD01",
				 "reporter": "Hà", "date": "2026-11-20", "quantities": {"minutes": 15}, %s}""".formatted(member));

		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		JsonNode problem = problem(result);
		assertThat(problem.get("type").asString()).isEqualTo("https://cchc.gov.vn/problems/malformed-request");
		assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo(field);
		verify(this.publisher, never()).publish(anyString(), anyString(), any(), anyMap());
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource(delimiter = '|', textBlock = """
			{"eventId": "evt-00000003", "date": 2026-11-20}  | date
			{"eventId": "evt-00000003", "unitCode": }        | unitCode
			{"eventId": "evt-00000003",, "unitCode": "1"}    | eventId
			{"eventId": "evt-00000003", "evidence": ["a" "b"]} | evidence[1]
			{"eventId": "evt-00000003"} trailing             | body
			not json at all                                  | body
			""")
	void refusesMalformedJsonNamingWhereItBroke(String body, String field) {
		MvcTestResult result = post(body);

		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(problem(result).get("errors").get(0).get("field").asString()).isEqualTo(field);
	}

	@Test
	void rendersEveryRuleBrokenAtOnceAsOneProblemInVietnamese() {
		double rejectedBefore = rejected("invalid-request");

		MvcTestResult result = post("""
				{"eventId": "x", "quantities": {"minutes": -1, "Bad Name": 2}, "evidence": ["ftp://a.b/c"],
				 "budgetSpentVnd": -5, "date": "1999-12-31"}""");

		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		JsonNode problem = problem(result);
		assertThat(problem.get("type").asString()).isEqualTo("https://cchc.gov.vn/problems/invalid-request");
		assertThat(problem.get("title").asString()).isEqualTo("Dữ liệu không hợp lệ");
		assertThat(problem.get("status").asInt()).isEqualTo(400);
		assertThat(problem.get("instance").asString()).isEqualTo("/api/v1/progress");
		assertThat(problem.get("detail").asString()).isNotBlank();
		assertThat(problem.get("errors").valueStream().map((error) -> error.get("field").asString()))
			.containsExactlyInAnyOrder("eventId", "unitCode", "planId", "activityId", "reporter", "date",
					"quantities.minutes", "quantities.Bad Name", "evidence[0]", "budgetSpentVnd");
		assertThat(problem.get("errors").get(0).get("message").asString()).isEqualTo(
				"Mã sự kiện gồm 8–64 ký tự: chữ cái không dấu, chữ số, dấu chấm, gạch dưới, hai chấm hoặc gạch ngang.");
		assertThat(rejected("invalid-request")).isEqualTo(rejectedBefore + 1);
	}

	@Test
	void refusesABodyDeclaredOverTheCapBeforeReadingIt() {
		double rejectedBefore = rejected("payload-too-large");

		MvcTestResult result = this.mvc.post()
			.uri("/api/v1/progress")
			.with(bearer(TestTokens.machine("09190")))
			.contentType(MediaType.APPLICATION_JSON)
			.content(new byte[1024 * 1024 + 1])
			.exchange();

		assertThat(result).hasStatus(HttpStatus.CONTENT_TOO_LARGE).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(problem(result).get("errors").get(0).get("field").asString()).isEqualTo("body");
		assertThat(rejected("payload-too-large")).isEqualTo(rejectedBefore + 1);
	}

	@Test
	void answersServiceUnavailableWithRetryAfterWhenTheBrokerDoesNotAcknowledge() {
		willThrow(new PublishFailedException("no ack", new RuntimeException("timeout"))).given(this.publisher)
			.publish(anyString(), anyString(), any(), anyMap());

		MvcTestResult result = post("""
				{"eventId": "evt-00000004", "unitCode": "09190", "planId": "P1", "activityId": "HD01",
				 "date": "2026-11-20", "quantities": {"minutes": 15}, "reporter": "Hà"}""");

		assertThat(result).hasStatus(HttpStatus.SERVICE_UNAVAILABLE)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.hasHeader(HttpHeaders.RETRY_AFTER, "5");
		assertThat(problem(result).get("type").asString())
			.isEqualTo("https://cchc.gov.vn/problems/event-bus-unavailable");
		verify(this.receipts).claim(any());
		verify(this.receipts, never()).markRecorded(any());
	}

	@Test
	void publishesAPendingReportAgainWithItsFirstRecordedAt() {
		String body = """
				{"eventId": "evt-00000006", "unitCode": "09190", "planId": "P1", "activityId": "HD01",
				 "date": "2026-11-20", "quantities": {"minutes": 15}, "reporter": "Hà"}""";
		ProgressRequest request = json.readValue(body, ProgressRequest.class);
		ValidProgress progress = new ProgressRequestValidator(clock()).validate(request);
		Instant firstTry = Instant.parse("2026-11-20T02:00:00Z");
		given(this.receipts.find("evt-00000006"))
			.willReturn(Optional.of(ProgressReceipt.pending(progress, firstTry, null)));

		MvcTestResult result = post(body);

		assertThat(result).hasStatus(HttpStatus.ACCEPTED)
			.bodyJson()
			.extractingPath("$.recordedAt")
			.isEqualTo("2026-11-20T02:00:00Z");
		ArgumentCaptor<CloudEvent<?>> published = ArgumentCaptor.captor();
		verify(this.publisher).publish(eq("publishProgress-out-0"), eq("09190"), published.capture(), anyMap());
		assertThat(published.getValue().time()).isEqualTo(firstTry);
		verify(this.receipts, never()).claim(any());
		verify(this.receipts).markRecorded(any());
	}

	@Test
	void refusesAnotherReportUnderAPendingEventId() {
		given(this.receipts.find("evt-00000007")).willReturn(Optional.of(new ProgressReceipt("evt-00000007",
				"0".repeat(64), Instant.EPOCH, ProgressReceipt.Status.PENDING, ValidProgress.Kind.RECORDED, "09190",
				"P1", "HD01", LocalDate.of(2026, 11, 20), null, "Hà", null, null)));

		MvcTestResult result = post("""
				{"eventId": "evt-00000007", "unitCode": "09190", "planId": "P1", "activityId": "HD01",
				 "date": "2026-11-20", "quantities": {"minutes": 15}, "reporter": "Hà"}""");

		assertThat(result).hasStatus(HttpStatus.CONFLICT).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(problem(result).get("errors").get(0).get("field").asString()).isEqualTo("eventId");
		verify(this.publisher, never()).publish(anyString(), anyString(), any(), anyMap());
	}

	@Test
	void answersUnprocessableForAUnitThatDoesNotExist() {
		given(this.units.find("99999")).willReturn(Optional.empty());

		MvcTestResult result = post("""
				{"eventId": "evt-00000005", "unitCode": "99999", "planId": "P1", "activityId": "HD01",
				 "date": "2026-11-20", "quantities": {"minutes": 15}, "reporter": "Hà"}""");

		assertThat(result).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(problem(result).get("errors").get(0).get("field").asString()).isEqualTo("unitCode");
		verify(this.receipts, never()).claim(any());
		verify(this.publisher, never()).publish(anyString(), anyString(), any(), anyMap());
	}

	@Test
	void answersProblemsForWhatSpringRefusesItself() {
		String machine = TestTokens.machine("09190");
		assertThat(this.mvc.post()
			.uri("/api/v1/progress")
			.with(bearer(machine))
			.contentType(MediaType.TEXT_PLAIN)
			.content("x")).hasStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(this.mvc.get().uri("/api/v1/progress").with(bearer(machine)))
			.hasStatus(HttpStatus.METHOD_NOT_ALLOWED)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(this.mvc.get().uri("/api/v1/nothing-here").with(bearer(machine))).hasStatus(HttpStatus.NOT_FOUND)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.extractingPath("$.title")
			.isEqualTo("Không tìm thấy tài nguyên");
	}

	@Test
	void refusesAReportForAnActivityTheUnitDoesNotLeadNamingTheUnit() {
		MvcTestResult result = post("""
				{"eventId": "evt-00000008", "unitCode": "09190", "planId": "P1", "activityId": "HD02",
				 "date": "2026-11-20", "quantities": {"postings": 1}, "reporter": "Hà"}""");

		assertThat(result).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(problem(result).get("type").asString())
			.isEqualTo("https://cchc.gov.vn/problems/progress-does-not-fit-plan");
		assertThat(problem(result).get("errors").get(0).get("field").asString()).isEqualTo("unitCode");
		verify(this.receipts, never()).claim(any());
	}

	@Test
	void refusesAReportOfAnotherUnitThanTheTokensBeforeLookingAnythingUp() {
		MvcTestResult result = IngestFixtures.postJsonAs(this.mvc, TestTokens.machine("09193"), """
				{"eventId": "evt-00000009", "unitCode": "09190", "planId": "P1", "activityId": "HD01",
				 "date": "2026-11-20", "quantities": {"minutes": 15}, "reporter": "Hà"}""", "/api/v1/progress");

		assertThat(result).hasStatus(HttpStatus.FORBIDDEN).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(problem(result).get("type").asString()).isEqualTo("https://cchc.gov.vn/problems/forbidden");
		assertThat(problem(result).get("errors").get(0).get("field").asString()).isEqualTo("unitCode");
		assertThat(problem(result).get("detail").asString()).contains("09193").contains("09190");
		verifyNoInteractions(this.receipts, this.units, this.plans, this.publisher, this.batchPublisher);
	}

	@Test
	void refusesAWholeBatchWithOneReportOfAnotherUnitNamingItBeforeLookingAnythingUp() {
		String own = """
				{"eventId": "evt-batch-005%d", "unitCode": "09190", "planId": "P1", "activityId": "HD01",
				 "date": "2026-11-20", "quantities": {"minutes": 15}, "reporter": "Hà"}""";

		MvcTestResult result = IngestFixtures.postJsonAs(this.mvc, TestTokens.machine("09190"), "[" + own.formatted(1)
				+ ", 42, " + own.formatted(3) + ", " + own.formatted(4).replace("\"09190\"", "\"09193\"") + "]",
				"/api/v1/progress:batch");

		assertThat(result).hasStatus(HttpStatus.FORBIDDEN).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(problem(result).get("errors").get(0).get("field").asString()).isEqualTo("[3].unitCode");
		verifyNoInteractions(this.receipts, this.units, this.plans, this.publisher, this.batchPublisher);
	}

	@Test
	void refusesARetractionOfAnotherUnitsReport() {
		MvcTestResult result = IngestFixtures.postJsonAs(this.mvc, TestTokens.officer("09193"), """
				{"unitCode": "09190", "reporter": "Hà", "reason": "Báo cáo nhầm"}""",
				"/api/v1/progress/{eventId}:retract", "evt-original-0002");

		assertThat(result).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(problem(result).get("errors").get(0).get("field").asString()).isEqualTo("unitCode");
		verifyNoInteractions(this.receipts, this.units, this.plans, this.publisher, this.batchPublisher);
	}

	@Test
	void refusesARequestWithoutATokenAndACallerWhoseRoleSendsNoProgress() {
		String report = """
				{"eventId": "evt-00000010", "unitCode": "09190", "planId": "P1", "activityId": "HD01",
				 "date": "2026-11-20", "quantities": {"minutes": 15}, "reporter": "Hà"}""";

		MvcTestResult anonymous = this.mvc.post()
			.uri("/api/v1/progress")
			.contentType(MediaType.APPLICATION_JSON)
			.content(report)
			.exchange();
		MvcTestResult reviewer = IngestFixtures.postJsonAs(this.mvc, TestTokens.reviewer("27-SNV"), report,
				"/api/v1/progress");
		MvcTestResult admin = IngestFixtures.postJsonAs(this.mvc, TestTokens.admin("27"), report,
				"/api/v1/progress:batch");

		assertThat(anonymous).hasStatus(HttpStatus.UNAUTHORIZED)
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(anonymous.getResponse().getHeader(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Bearer");
		assertThat(problem(anonymous).get("title").asString()).isEqualTo("Chưa xác thực");
		assertThat(reviewer).hasStatus(HttpStatus.FORBIDDEN)
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(problem(reviewer).get("title").asString()).isEqualTo("Không có quyền");
		assertThat(admin).hasStatus(HttpStatus.FORBIDDEN);
		verifyNoInteractions(this.receipts, this.units, this.plans, this.publisher, this.batchPublisher);
	}

	@Test
	void answersABatchWithOneResultPerReportAndPublishesOnlyTheValidOnes() {
		given(this.batchPublisher.publish(eq(ProgressBatchIngestion.BINDING), any())).willAnswer((call) -> {
			List<?> events = call.getArgument(1);
			return events.stream().map((event) -> true).toList();
		});

		MvcTestResult result = postBatch("""
				[{"eventId": "evt-batch-0001", "unitCode": "09190", "planId": "P1", "activityId": "HD01",
				  "date": "2026-11-20", "quantities": {"minutes": 15}, "reporter": "Hà"},
				 {"eventId": "evt-batch-0002", "unitCode": "09190", "planId": "P1", "activityId": "HD01",
				  "date": "2026-11-20", "quantities": {"minutes": "15"}, "reporter": "Hà"},
				 42,
				 {"eventId": "evt-batch-0004", "unitCode": "09190", "planId": "P1", "activityId": "HD01",
				  "date": "2026-11-20", "quantities": {"postings": 2}, "reporter": "Hà"},
				 {"eventId": "evt-batch-0001", "unitCode": "09190", "planId": "P1", "activityId": "HD01",
				  "date": "2026-11-20", "quantities": {"minutes": 15}, "reporter": "Hà"},
				 {"eventId": "evt-batch-0001", "unitCode": "09190", "planId": "P1", "activityId": "HD01",
				  "date": "2026-11-20", "quantities": {"minutes": 16}, "reporter": "Hà"}]""");

		assertThat(result).hasStatusOk()
			.bodyJson()
			.isLenientlyEqualTo(
					"""
							{"accepted": 1, "duplicates": 1, "rejected": 4, "failed": 0, "results": [
							 {"index": 0, "eventId": "evt-batch-0001", "status": "ACCEPTED", "errors": []},
							 {"index": 1, "eventId": "evt-batch-0002", "status": "REJECTED",
							  "type": "https://cchc.gov.vn/problems/malformed-request",
							  "errors": [{"field": "quantities.minutes"}]},
							 {"index": 2, "eventId": null, "status": "REJECTED", "errors": [{"field": "body"}]},
							 {"index": 3, "eventId": "evt-batch-0004", "status": "REJECTED",
							  "type": "https://cchc.gov.vn/problems/progress-does-not-fit-plan",
							  "errors": [{"field": "quantities.postings"}]},
							 {"index": 4, "eventId": "evt-batch-0001", "status": "DUPLICATE"},
							 {"index": 5, "eventId": "evt-batch-0001", "status": "CONFLICT", "errors": [{"field": "eventId"}]}]}""");
		ArgumentCaptor<List<BatchPublisher.Keyed>> published = ArgumentCaptor.captor();
		verify(this.batchPublisher).publish(eq(ProgressBatchIngestion.BINDING), published.capture());
		assertThat(published.getValue()).extracting((keyed) -> keyed.event().id()).containsExactly("evt-batch-0001");
		verify(this.receipts).markAllRecorded(List.of("evt-batch-0001"));
	}

	@Test
	void reportsTheEventsTheBrokerDidNotAcknowledgeAsFailedAndDoesNotMarkThem() {
		given(this.batchPublisher.publish(eq(ProgressBatchIngestion.BINDING), any())).willReturn(List.of(true, false));

		MvcTestResult result = postBatch("""
				[{"eventId": "evt-batch-0011", "unitCode": "09190", "planId": "P1", "activityId": "HD01",
				  "date": "2026-11-20", "quantities": {"minutes": 15}, "reporter": "Hà"},
				 {"eventId": "evt-batch-0012", "unitCode": "09190", "planId": "P1", "activityId": "HD01",
				  "date": "2026-11-20", "quantities": {"minutes": 30}, "reporter": "Hà"}]""");

		assertThat(result).hasStatusOk().bodyJson().isLenientlyEqualTo("""
				{"accepted": 1, "failed": 1, "results": [{"status": "ACCEPTED"}, {"status": "FAILED"}]}""");
		verify(this.receipts).markAllRecorded(List.of("evt-batch-0011"));
	}

	@Test
	void answersServiceUnavailableForABatchOfWhichTheBrokerAcknowledgedNothing() {
		given(this.batchPublisher.publish(eq(ProgressBatchIngestion.BINDING), any())).willReturn(List.of(false));

		MvcTestResult result = postBatch("""
				[{"eventId": "evt-batch-0021", "unitCode": "09190", "planId": "P1", "activityId": "HD01",
				  "date": "2026-11-20", "quantities": {"minutes": 15}, "reporter": "Hà"}]""");

		assertThat(result).hasStatus(HttpStatus.SERVICE_UNAVAILABLE)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.hasHeader(HttpHeaders.RETRY_AFTER, "5");
		verify(this.receipts, never()).markAllRecorded(anyList());
	}

	@ParameterizedTest(name = "{0} -> {1} naming {2}")
	@CsvSource(delimiter = '|', textBlock = """
			{"eventId": "evt-batch-0031"}   | 400 | body
			[]                              | 400 | body
			[1, 2                           | 400 | [1]
			""")
	void refusesABodyThatIsNoBatchAsAWhole(String body, int status, String field) {
		MvcTestResult result = postBatch(body);

		assertThat(result).hasStatus(status).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(problem(result).get("errors").get(0).get("field").asString()).isEqualTo(field);
		verify(this.batchPublisher, never()).publish(any(), any());
	}

	@Test
	void refusesABatchOfMoreThanAThousandReportsNamingTheFirstOneTooMany() {
		String report = """
				{"eventId": "evt-batch-0041", "unitCode": "09190", "planId": "P1", "activityId": "HD01",
				 "date": "2026-11-20", "quantities": {"minutes": 15}, "reporter": "Hà"}""";

		MvcTestResult result = postBatch("[" + String.join(",", Collections.nCopies(1001, report)) + "]");

		assertThat(result).hasStatus(HttpStatus.CONTENT_TOO_LARGE).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(problem(result).get("type").asString()).isEqualTo("https://cchc.gov.vn/problems/batch-too-large");
		assertThat(problem(result).get("errors").get(0).get("field").asString()).isEqualTo("[1000]");
		verify(this.receipts, never()).claim(any());
	}

	@Test
	void acceptsABatchBodyOverTheSingleReportCap() {
		given(this.batchPublisher.publish(eq(ProgressBatchIngestion.BINDING), any())).willAnswer((call) -> {
			List<?> events = call.getArgument(1);
			return events.stream().map((event) -> true).toList();
		});
		String note = "n".repeat(1500);
		List<String> reports = IntStream.range(0, 1000)
			.mapToObj((i) -> """
					{"eventId": "evt-big-%04d", "unitCode": "09190", "planId": "P1", "activityId": "HD01",
					 "date": "2026-11-20", "quantities": {"minutes": %d}, "reporter": "Hà", "note": "%s"}"""
				.formatted(i, i, note))
			.toList();
		String body = "[" + String.join(",", reports) + "]";
		assertThat(body.length()).isGreaterThan(1024 * 1024);

		MvcTestResult result = postBatch(body);

		assertThat(result).hasStatusOk().bodyJson().extractingPath("$.accepted").isEqualTo(1000);
	}

	@Test
	void retractsAReportNamedByThePathWithADerivedIdWhenNoneIsGiven() {
		given(this.receipts.find("evt-original-0001")).willReturn(Optional.of(new ProgressReceipt("evt-original-0001",
				"0".repeat(64), Instant.EPOCH, ProgressReceipt.Status.RECORDED, ValidProgress.Kind.RECORDED, "09190",
				"P1", "HD01", LocalDate.of(2026, 11, 2), null, "Hà", null, null)));
		given(this.receipts.markRetracted(anyString(), anyString())).willReturn(true);

		MvcTestResult result = this.mvc.post()
			.uri("/api/v1/progress/{eventId}:retract", "evt-original-0001")
			.with(bearer(TestTokens.officer("09190")))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"unitCode": "09190", "reporter": "Hà", "reason": "Báo cáo nhầm ngày"}""")
			.exchange();

		String derived = ValidProgress.derivedRetractionId("evt-original-0001");
		assertThat(result).hasStatus(HttpStatus.ACCEPTED).bodyJson().extractingPath("$.eventId").isEqualTo(derived);
		ArgumentCaptor<CloudEvent<?>> published = ArgumentCaptor.captor();
		verify(this.publisher).publish(eq("publishProgress-out-0"), eq("09190"), published.capture(), anyMap());
		assertThat(published.getValue().type()).isEqualTo("vn.gov.cchc.progress.retracted.v1");
		assertThat(published.getValue().data()).isInstanceOfSatisfying(ProgressRetracted.class, (retracted) -> {
			assertThat(retracted.retractsEventId()).isEqualTo("evt-original-0001");
			assertThat(retracted.date()).isEqualTo(LocalDate.of(2026, 11, 2));
			assertThat(retracted.reason()).isEqualTo("Báo cáo nhầm ngày");
		});
		verify(this.receipts).markRetracted("evt-original-0001", derived);
	}

	private MvcTestResult postBatch(String body) {
		return IngestFixtures.postJson(this.mvc, body, "/api/v1/progress:batch");
	}

	private MvcTestResult post(String body) {
		return IngestFixtures.postJson(this.mvc, body, "/api/v1/progress");
	}

	private double rejected(String reason) {
		var counter = this.meters.find("cchc.ingest.rejected").tag("reason", reason).counter();
		return (counter != null) ? counter.count() : 0;
	}

	private static JsonNode problem(MvcTestResult result) {
		return json.readTree(result.getResponse().getContentAsByteArray());
	}

	/** 10:00 in Vietnam on 20 November 2026. */
	static Clock clock() {
		return Clock.fixed(Instant.parse("2026-11-20T03:00:00Z"), ZoneOffset.UTC);
	}

}
