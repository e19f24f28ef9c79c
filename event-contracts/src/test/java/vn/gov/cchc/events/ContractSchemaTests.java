package vn.gov.cchc.events;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Proves that the Java records and the JSON Schemas kept beside them describe the same
 * events: the same property names at every level, the same required properties, and that
 * what the records serialize to validates against the schemas.
 */
class ContractSchemaTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	static final ProgressRecorded progress = new ProgressRecorded("9f1c2b1e-4c0a-4c55-b2a7-3f0d8f1b7a10", "09190",
			"27-22-KH-UBND-2022", "A1", LocalDate.of(2022, 3, 14), Map.of("broadcasts", 1L, "minutes", 15L),
			List.of(URI.create("https://bacninh.gov.vn/tin-tuc/cchc-2022-03")), 1_500_000L, "Nguyễn Thị Hà",
			Instant.parse("2022-03-14T09:30:00Z"));

	static final ProgressRecorded progressWithNote = new ProgressRecorded("evt-with-note-0001", "09190",
			"27-22-KH-UBND-2022", "A1", LocalDate.of(2022, 3, 15), Map.of("minutes", 20L), List.of(), 0L,
			"Nguyễn Thị Hà", Instant.parse("2022-03-15T09:30:00Z"),
			"Phát lại bản tin tối; {\"$where\": \"1\"} là chữ.");

	static final ProgressCorrected correction = new ProgressCorrected("evt-correct-0001",
			"9f1c2b1e-4c0a-4c55-b2a7-3f0d8f1b7a10", "09190", "27-22-KH-UBND-2022", "A1", LocalDate.of(2022, 3, 14),
			Map.of("broadcasts", 1L, "minutes", 20L),
			List.of(URI.create("https://bacninh.gov.vn/tin-tuc/cchc-2022-03")), 1_500_000L, "Nguyễn Thị Hà",
			"Sửa số phút: bản tin dài 20 phút", Instant.parse("2022-03-15T02:00:00Z"));

	static final ProgressRetracted retraction = new ProgressRetracted("evt-retract-0001",
			"9f1c2b1e-4c0a-4c55-b2a7-3f0d8f1b7a10", "09190", "27-22-KH-UBND-2022", "A1", LocalDate.of(2022, 3, 14),
			"Báo cáo nhầm đơn vị", "Nguyễn Thị Hà", null, Instant.parse("2022-03-16T02:00:00Z"));

	static final ProgressRejected rejection = new ProgressRejected("evt-bad-0001", "09190",
			"{\"eventId\": \"evt-bad-0001\", \"quantities\": {\"minutes\": -5}}", false,
			List.of(new ProgressRejected.Reason("quantities.minutes", "Số lượng là số nguyên từ 0 đến 1.000.000.000.")),
			"cchc.progress.inbox", 2, 1234L, Instant.parse("2022-03-16T02:00:01Z"));

	static final UnitDetails commune = new UnitDetails("09190", "Phường Vũ Ninh", UnitKind.COMMUNE, "256",
			LocalDate.of(2008, 1, 1), LocalDate.of(2025, 6, 30),
			new UnitContacts("Trần Văn Minh", "vuninh@bacninh.gov.vn", "0912345678"),
			List.of(new UnitDetails.ParentPeriod("27", LocalDate.of(2008, 1, 1), LocalDate.of(2008, 12, 31))),
			List.of(), List.of("27.KB"), Map.of("commune-radio-stations", 1, "commune-post-offices", 1));

	static final PlanDetails plan = new PlanDetails("27-22-KH-UBND-2022", 2, PlanStatus.AMENDED, "22/KH-UBND",
			"Kế hoạch tuyên truyền cải cách hành chính năm 2022", "27.D256", LocalDate.of(2022, 1, 18),
			LocalDate.of(2022, 1, 1), LocalDate.of(2022, 12, 31),
			new PlanDetails.Basis("27-KH-2022",
					List.of("Kế hoạch số 22/KH-UBND ngày 18/01/2022 của UBND tỉnh Bắc Ninh")),
			List.of(ContentArea.ADMINISTRATIVE_PROCEDURES, ContentArea.E_GOVERNMENT), List.of(
					new PlanDetails.Activity("HD01", "Xây dựng chuyên mục cải cách hành chính trên sóng phát thanh",
							ActivityForm.RADIO, List.of(ContentArea.ADMINISTRATIVE_PROCEDURES),
							new PlanDetails.Cadence(PlanDetails.Cadence.Kind.PER_WEEK, 1, 15,
									"Ít nhất 01 lần/tuần, mỗi lần tối thiểu 15 phút"),
							"27.D256", List.of(UnitKind.COMMUNE), "UBND thành phố và các xã, phường", List.of("27.SNV"),
							List.of("broadcasts", "minutes"), List.of(EvidenceKind.LINK),
							"Chuyên mục phát sóng hằng tuần", 12_000_000L, "27-KH-2022/HD01"),
					new PlanDetails.Activity("HD02", "Niêm yết công khai thủ tục hành chính",
							ActivityForm.PUBLIC_POSTING, List.of(),
							new PlanDetails.Cadence(PlanDetails.Cadence.Kind.CONTINUOUS, 0, 0, null), null,
							List.of(UnitKind.DISTRICT, UnitKind.COMMUNE), "UBND cấp huyện, cấp xã", List.of(),
							List.of("postings"), List.of(EvidenceKind.PHOTO), null, 0L, null)),
			List.of(new PlanDetails.Target("CT01", "100% đài truyền thanh xã có chuyên mục cải cách hành chính",
					PlanDetails.Target.Kind.COVERAGE, PlanDetails.Target.Measure.PERCENT,
					PlanDetails.Target.Comparison.AT_LEAST, new BigDecimal("100"), null, "HD01", UnitKind.COMMUNE,
					"commune-radio-stations", "broadcasts", null, "27-KH-2022/CT01"),
					new PlanDetails.Target("CT02", "Chỉ số chuyển đổi số (DTI) thuộc nhóm Tốt",
							PlanDetails.Target.Kind.INDEX, PlanDetails.Target.Measure.LEVEL,
							PlanDetails.Target.Comparison.EQUAL, null, "Tốt", null, null, null, null, "DTI", null)),
			12_000_000L, "Ngân sách thành phố",
			new PlanDetails.ReportingRegime(List.of(PeriodType.HALF_YEAR, PeriodType.YEAR),
					PlanDetails.ReportingRegime.CutOff.DECREE_09_2019,
					List.of(new PlanDetails.Deadline(PeriodType.HALF_YEAR, UnitKind.COMMUNE, MonthDay.of(6, 10), null),
							new PlanDetails.Deadline(PeriodType.YEAR, null, null, 5)),
					"27.SNV", "Báo cáo 6 tháng trước ngày 15/6, báo cáo năm trước ngày 20/11"));

	static final String SUBMISSION = "27-2022-22-KH-UBND:2022-H1:09190";

	static Arguments[] contracts() {
		return new Arguments[] { Arguments.of("progress-recorded.v1.json", ProgressRecorded.class, progress),
				Arguments.of("progress-recorded.v1.json", ProgressRecorded.class, progressWithNote),
				Arguments.of("progress-corrected.v1.json", ProgressCorrected.class, correction),
				Arguments.of("progress-retracted.v1.json", ProgressRetracted.class, retraction),
				Arguments.of("progress-rejected.v1.json", ProgressRejected.class, rejection),
				Arguments.of("unit-event.v1.json", UnitRegistered.class,
						new UnitRegistered(commune, Instant.parse("2025-01-02T01:00:00Z"))),
				Arguments.of("unit-event.v1.json", UnitChanged.class,
						new UnitChanged(commune, Instant.parse("2025-07-01T00:00:00Z"))),
				Arguments.of("units-merged.v1.json", UnitsMerged.class,
						new UnitsMerged(List.of("09190", "09193"), "27.VN", LocalDate.of(2025, 7, 1),
								Instant.parse("2025-06-20T03:00:00Z"))),
				Arguments.of("units-split.v1.json", UnitsSplit.class,
						new UnitsSplit("256", List.of("256.A", "256.B"), LocalDate.of(2025, 7, 1),
								Instant.parse("2025-06-20T03:00:00Z"))),
				Arguments.of("plan-event.v1.json", PlanIssued.class,
						new PlanIssued(plan, Instant.parse("2022-01-18T02:00:00Z"))),
				Arguments.of("plan-event.v1.json", PlanAmended.class,
						new PlanAmended(plan, Instant.parse("2022-06-01T02:00:00Z"))),
				Arguments.of("plan-event.v1.json", PlanClosed.class,
						new PlanClosed(plan, Instant.parse("2022-12-31T10:00:00Z"))),
				Arguments.of("period-opened.v1.json", PeriodOpened.class,
						new PeriodOpened("27-2022-22-KH-UBND", "2022-H1", PeriodType.HALF_YEAR,
								LocalDate.of(2021, 12, 15), LocalDate.of(2022, 6, 9), "27-SNV", 41,
								Instant.parse("2022-06-09T17:00:00Z"))),
				Arguments.of("submission-due.v1.json", SubmissionDue.class,
						new SubmissionDue(SUBMISSION, "09190", "27-2022-22-KH-UBND", "2022-H1", PeriodType.HALF_YEAR,
								LocalDate.of(2022, 6, 9), LocalDate.of(2022, 6, 13), "256", "256",
								Instant.parse("2022-06-09T17:00:00Z"))),
				Arguments.of("submission-due.v1.json", SubmissionDue.class,
						new SubmissionDue("27-2022-22-KH-UBND:2022-H1:256", "256", "27-2022-22-KH-UBND", "2022-H1",
								PeriodType.HALF_YEAR, LocalDate.of(2022, 6, 9), LocalDate.of(2022, 6, 14), "27-SNV",
								null, Instant.parse("2022-06-09T17:00:00Z"))),
				Arguments.of("submission-submitted.v1.json", SubmissionSubmitted.class,
						new SubmissionSubmitted(SUBMISSION, "09190", "27-2022-22-KH-UBND", "2022-H1",
								PeriodType.HALF_YEAR, 2, LocalDate.of(2022, 6, 13), true, "Nguyễn Thị Hà",
								Instant.parse("2022-06-14T02:00:00Z"))),
				Arguments.of("submission-approved.v1.json", SubmissionApproved.class,
						new SubmissionApproved(SUBMISSION, "09190", "27-2022-22-KH-UBND", "2022-H1",
								PeriodType.HALF_YEAR, 2, "Trần Văn Minh", Instant.parse("2022-06-15T02:00:00Z"))),
				Arguments.of("submission-returned.v1.json", SubmissionReturned.class,
						new SubmissionReturned(SUBMISSION, "09190", "27-2022-22-KH-UBND", "2022-H1",
								PeriodType.HALF_YEAR, 1, "Trần Văn Minh", "Bổ sung số buổi phát thanh tháng 5",
								Instant.parse("2022-06-13T08:00:00Z"))),
				Arguments.of("submission-overdue.v1.json", SubmissionOverdue.class,
						new SubmissionOverdue(SUBMISSION, "09190", "27-2022-22-KH-UBND", "2022-H1",
								PeriodType.HALF_YEAR, LocalDate.of(2022, 6, 13), "256",
								Instant.parse("2022-06-14T00:00:00Z"))),
				Arguments.of("reminder-sent.v1.json", ReminderSent.class, new ReminderSent("d-7f3a", "09190", "SMS",
						List.of(new RemindedReport(SUBMISSION, "09190", "2022-H1", "D-3", LocalDate.of(2022, 6, 9))),
						"msg-88121", 2, null, Instant.parse("2022-06-06T01:00:02Z"))),
				Arguments.of("reminder-failed.v1.json", ReminderFailed.class,
						new ReminderFailed("d-7f3b", "256", "SMS",
								List.of(new RemindedReport(SUBMISSION, "09190", "2022-H1", "ESC+3",
										LocalDate.of(2022, 6, 9))),
								"Nhà mạng trả lời 503 sau 3 lần thử", false, 3, "EMAIL", null,
								Instant.parse("2022-06-12T01:00:09Z"))) };
	}

	@ParameterizedTest
	@MethodSource("contracts")
	void schemaNamesExactlyTheRecordComponentsAtEveryLevel(String schemaFile, Class<?> type, Object sample) {
		assertSameShape(type, schemaNode(schemaFile), type.getSimpleName());
	}

	@ParameterizedTest
	@MethodSource("contracts")
	void serializedRecordValidatesAgainstItsSchema(String schemaFile, Class<?> type, Object sample) {
		assertThat(validate(schemaFile, json.writeValueAsString(sample))).isEmpty();
	}

	@ParameterizedTest
	@MethodSource("contracts")
	void serializedRecordReadsBackEqual(String schemaFile, Class<?> type, Object sample) {
		assertThat(json.readValue(json.writeValueAsString(sample), type)).isEqualTo(sample);
	}

	@Test
	void envelopeOfAProgressEventValidatesAgainstTheCloudEventSchema() {
		CloudEvent<ProgressRecorded> event = CloudEvent.of(progress.eventId(), URI.create("/cchc/plan-service"),
				EventTypes.PROGRESS_RECORDED_V1, progress.unitCode(), progress.recordedAt(), progress);
		assertThat(validate("cloudevent.json", json.writeValueAsString(event))).isEmpty();
	}

	@Test
	void schemaRejectsNegativeQuantityAndNonHttpEvidence() {
		ObjectNode negative = json.valueToTree(progress);
		((ObjectNode) negative.get("quantities")).put("minutes", -5);
		assertThat(validate("progress-recorded.v1.json", negative.toString()))
			.anyMatch((message) -> message.getInstanceLocation().toString().contains("minutes"));

		ObjectNode ftp = json.valueToTree(progress);
		ftp.putArray("evidence").add("ftp://example.org/file");
		assertThat(validate("progress-recorded.v1.json", ftp.toString()))
			.anyMatch((message) -> message.getInstanceLocation().toString().contains("evidence"));
	}

	@Test
	void aProgressEventOfTheFirstVersionWithoutNoteStillReadsAndValidates() {
		ObjectNode withoutNote = json.valueToTree(progress);
		withoutNote.remove("note");
		assertThat(validate("progress-recorded.v1.json", withoutNote.toString())).isEmpty();
		assertThat(json.treeToValue(withoutNote, ProgressRecorded.class)).isEqualTo(progress);
		assertThat(progress.note()).isNull();
	}

	@Test
	void schemaRejectsAMissingRequiredField() {
		ObjectNode missing = json.valueToTree(progress);
		missing.remove("unitCode");
		assertThat(validate("progress-recorded.v1.json", missing.toString()))
			.anyMatch((message) -> message.getMessage().contains("unitCode"));
	}

	private static void assertSameShape(Class<?> type, JsonNode schema, String path) {
		RecordComponent[] components = type.getRecordComponents();
		Set<String> componentNames = Arrays.stream(components)
			.map(RecordComponent::getName)
			.collect(Collectors.toCollection(TreeSet::new));
		Set<String> schemaNames = new TreeSet<>(schema.get("properties").propertyNames());
		assertThat(schemaNames).as("properties of %s", path).isEqualTo(componentNames);

		// A property added to a version later has a default, which readers use when an
		// older event lacks it: it is not required even though the record never holds
		// null.
		Set<String> required = Arrays.stream(components)
			.filter((component) -> component.getType().isPrimitive() || !component.isAnnotationPresent(Nullable.class)
					&& !component.getAnnotatedType().isAnnotationPresent(Nullable.class))
			.filter((component) -> !schema.get("properties").get(component.getName()).has("default"))
			.map(RecordComponent::getName)
			.collect(Collectors.toCollection(TreeSet::new));
		Set<String> schemaRequired = schema.has("required")
				? StreamSupport.stream(schema.get("required").spliterator(), false)
					.map(JsonNode::asString)
					.collect(Collectors.toCollection(TreeSet::new))
				: Set.of();
		assertThat(schemaRequired).as("required properties of %s", path).isEqualTo(required);

		for (RecordComponent component : components) {
			if (component.getType().isRecord()) {
				assertSameShape(component.getType(), schema.get("properties").get(component.getName()),
						path + "." + component.getName());
			}
			if (component.getGenericType() instanceof ParameterizedType parameterized
					&& parameterized.getActualTypeArguments()[0] instanceof Class<?> element && element.isRecord()) {
				assertSameShape(element, schema.get("properties").get(component.getName()).get("items"),
						path + "." + component.getName() + "[]");
			}
		}
	}

	private static JsonNode schemaNode(String file) {
		try (InputStream in = schemaStream(file)) {
			return json.readTree(in);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Set<ValidationMessage> validate(String file, String instance) {
		SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
		JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
			.getSchema(schemaStream(file), config);
		return schema.validate(instance, InputFormat.JSON);
	}

	private static InputStream schemaStream(String file) {
		InputStream in = ContractSchemaTests.class.getResourceAsStream("/schemas/" + file);
		assertThat(in).as("schema %s on the classpath", file).isNotNull();
		return in;
	}

}
