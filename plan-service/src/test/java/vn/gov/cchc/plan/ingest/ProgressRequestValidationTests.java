package vn.gov.cchc.plan.ingest;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.gov.cchc.web.FieldError;
import vn.gov.cchc.web.ProblemException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The rules of a progress report on their own, without HTTP.
 */
class ProgressRequestValidationTests {

	/** 00:30 on 21 November 2026 in Vietnam, still the 20th in UTC. */
	private static final Clock justAfterMidnightInVietnam = Clock.fixed(Instant.parse("2026-11-20T17:30:00Z"),
			ZoneOffset.UTC);

	private final ProgressRequestValidator validator = new ProgressRequestValidator(justAfterMidnightInVietnam);

	@Test
	void acceptsAFullReportAndAppliesDefaults() {
		ValidProgress progress = this.validator.validate(request().build());

		assertThat(progress.eventId()).isEqualTo("9f1c2b1e-4c0a-4c55-b2a7-3f0d8f1b7a10");
		assertThat(progress.quantities()).containsExactly(Map.entry("broadcasts", 1L), Map.entry("minutes", 15L));
		assertThat(progress.evidence()).containsExactly("https://bacninh.gov.vn/tin-tuc/cchc");
		assertThat(progress.budgetSpentVnd()).isEqualTo(500_000);

		ValidProgress bare = this.validator.validate(request().evidence(null).budget(null).build());
		assertThat(bare.evidence()).isEmpty();
		assertThat(bare.budgetSpentVnd()).isZero();
	}

	@Test
	void namesEveryMissingFieldAtOnce() {
		ProgressRequest empty = new ProgressRequest(null, null, null, null, null, null, null, null, null, null, null,
				null, null);

		assertThat(fields(empty)).containsExactlyInAnyOrder("eventId", "unitCode", "planId", "activityId", "reporter",
				"date", "quantities");
	}

	@Test
	void treatsBlankTextAsMissing() {
		assertThat(fields(request().planId("  ").reporter("").build())).containsExactlyInAnyOrder("planId", "reporter");
	}

	@ParameterizedTest
	@ValueSource(strings = { "short", "has space 123", "ký-tự-có-dấu", "slash/not/allowed",
			"0123456789012345678901234567890123456789012345678901234567890123456789" })
	void refusesAnEventIdOfTheWrongShape(String eventId) {
		assertThat(fields(request().eventId(eventId).build())).containsExactly("eventId");
	}

	@ParameterizedTest
	@ValueSource(strings = { "evt-0001", "urn:uuid:9f1c2b1e", "A.b_c:d-e",
			"0123456789012345678901234567890123456789012345678901234567890123" })
	void acceptsEventIdsOfTheAllowedShape(String eventId) {
		assertThat(this.validator.validate(request().eventId(eventId).build()).eventId()).isEqualTo(eventId);
	}

	@Test
	void refusesAUnitCodeOfTheWrongShape() {
		assertThat(fields(request().unitCode("09190 ").build())).containsExactly("unitCode");
		assertThat(fields(request().unitCode("xa-vu-ninh").build())).containsExactly("unitCode");
	}

	@Test
	void limitsTheLengthOfIdsAndReporter() {
		assertThat(
				fields(request().planId("p".repeat(64)).activityId("a".repeat(64)).reporter("r".repeat(200)).build()))
			.isEmpty();
		assertThat(
				fields(request().planId("p".repeat(65)).activityId("a".repeat(65)).reporter("r".repeat(201)).build()))
			.containsExactlyInAnyOrder("planId", "activityId", "reporter");
	}

	@Test
	void refusesNegativeMissingOrHugeQuantitiesNamingTheMetric() {
		Map<String, @Nullable Long> quantities = new LinkedHashMap<>();
		quantities.put("minutes", -1L);
		quantities.put("broadcasts", null);
		quantities.put("participants", 1_000_000_001L);
		quantities.put("copies", 1_000_000_000L);
		quantities.put("visits", 0L);

		assertThat(fields(request().quantities(quantities).build())).containsExactlyInAnyOrder("quantities.minutes",
				"quantities.broadcasts", "quantities.participants");
	}

	@ParameterizedTest
	@ValueSource(strings = { "Minutes", "1minutes", "min-utes", "số", "mmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmm" })
	void refusesMetricNamesOfTheWrongShape(String metric) {
		assertThat(fields(request().quantities(Map.of(metric, 1L)).build())).containsExactly("quantities." + metric);
	}

	@Test
	void requiresAtLeastOneQuantity() {
		assertThat(fields(request().quantities(Map.of()).build())).containsExactly("quantities");
	}

	@Test
	void acceptsAtMostTwentyEvidenceLinks() {
		List<@Nullable String> twenty = new ArrayList<>(
				IntStream.range(0, 20).mapToObj((i) -> "https://bacninh.gov.vn/" + i).toList());
		assertThat(fields(request().evidence(twenty).build())).isEmpty();
		twenty.add("https://bacninh.gov.vn/20");
		assertThat(fields(request().evidence(twenty).build())).containsExactly("evidence");
	}

	@Test
	void acceptsOnlyAbsoluteHttpLinksAsEvidence() {
		List<@Nullable String> links = new ArrayList<>(List.of("http://a.vn/x", "ftp://a.vn/x", "/relative/path",
				"https://", "javascript:alert(1)", "https://bad host/", "HTTPS://BACNINH.GOV.VN/Y"));
		links.add(null);

		assertThat(fields(request().evidence(links).build())).containsExactly("evidence[1]", "evidence[2]",
				"evidence[3]", "evidence[4]", "evidence[5]", "evidence[7]");
	}

	@Test
	void refusesEvidenceLinksLongerThanTwoThousandCharacters() {
		String base = "https://bacninh.gov.vn/";
		String longest = base + "a".repeat(2000 - base.length());
		assertThat(fields(request().evidence(List.of(longest)).build())).isEmpty();
		assertThat(fields(request().evidence(List.of(longest + "a")).build())).containsExactly("evidence[0]");
	}

	@ParameterizedTest
	@ValueSource(strings = { "javascript:alert(1)", "JAVASCRIPT:alert(document.cookie)",
			"data:text/html,<script>x</script>", "ftp://bacninh.gov.vn/a", "//bacninh.gov.vn/a", "bacninh.gov.vn/a",
			"mailto:a@bacninh.gov.vn", "file:///etc/passwd", "https://bacninh.gov.vn/a b", "http:/bacninh.gov.vn" })
	void refusesEvidenceThatIsNoAbsoluteHttpLink(String link) {
		assertThat(fields(request().evidence(List.of(link)).build())).containsExactly("evidence[0]");
	}

	@Test
	void keepsFreeTextExactlyAsSentHoweverItLooks() {
		String reporter = "$where: function() { return true } <script>alert(1)</script> '; DROP TABLE x; --";
		String note = "{\"$gt\": \"\"}\nDòng hai\tcó tab; 😀 ${jndi:ldap://x}";
		ValidProgress progress = this.validator.validate(request().reporter(reporter).note(note).build());

		assertThat(progress.reporter()).isEqualTo(reporter);
		assertThat(progress.note()).isEqualTo(note);
	}

	@ParameterizedTest
	@ValueSource(strings = { "Hà\u0000", "Hà\nNội", "Hà\tNội", "\u001b[31mđỏ", "Hà\u007f", "Hà\u0085",
			"abc\u202Efdp.exe", "lẻ \ud800", "lẻ \udc00 sau" })
	void refusesControlCharactersAndBrokenUnicodeInTheReporter(String reporter) {
		assertThat(fields(request().reporter(reporter).build())).containsExactly("reporter");
	}

	@Test
	void letsANoteHaveLineBreaksAndTabsButNoOtherControlCharacters() {
		assertThat(fields(request().note("Dòng một\r\nDòng hai\tcột").build())).isEmpty();
		assertThat(fields(request().note("chuông\u0007").build())).containsExactly("note");
		assertThat(fields(request().note("\u2066ẩn\u2069").build())).containsExactly("note");
	}

	@Test
	void boundsTheReporterAndTheNote() {
		assertThat(fields(request().reporter("r".repeat(200)).note("n".repeat(2000)).build())).isEmpty();
		assertThat(fields(request().reporter("r".repeat(201)).note("n".repeat(2001)).build()))
			.containsExactlyInAnyOrder("reporter", "note");
	}

	@Test
	void treatsABlankNoteAsNone() {
		assertThat(this.validator.validate(request().note("   ").build()).note()).isNull();
	}

	@Test
	void readsACorrectionAsAWholeReportPointingAtTheOriginal() {
		ValidProgress correction = this.validator.validate(request().corrects("evt-original-0001").build());

		assertThat(correction.kind()).isEqualTo(ValidProgress.Kind.CORRECTION);
		assertThat(correction.refersTo()).isEqualTo("evt-original-0001");
		assertThat(correction.quantities()).containsEntry("minutes", 15L);
		assertThat(fields(request().corrects("evt-original-0001").date(null).build())).containsExactly("date");
	}

	@Test
	void readsARetractionWithAReasonAndNoValues() {
		ProgressRequest retraction = new ProgressRequest("evt-retract-0001", "09190", null, null, null, null, null,
				null, "Nguyễn Thị Hà", null, null, "evt-original-0001", "Báo cáo nhầm");

		ValidProgress progress = this.validator.validate(retraction);

		assertThat(progress.kind()).isEqualTo(ValidProgress.Kind.RETRACTION);
		assertThat(progress.refersTo()).isEqualTo("evt-original-0001");
		assertThat(progress.reason()).isEqualTo("Báo cáo nhầm");
		assertThat(progress.planId()).isNull();
	}

	@Test
	void refusesARetractionWithoutReasonOrWithValues() {
		assertThat(fields(new ProgressRequest("evt-retract-0001", "09190", null, null, null, null, null, null, "Hà",
				null, null, "evt-original-0001", null)))
			.containsExactly("reason");
		assertThat(fields(request().retracts("evt-original-0001").reason("nhầm").build()))
			.containsExactlyInAnyOrder("date", "quantities", "evidence", "budgetSpentVnd");
	}

	@Test
	void refusesPointingAtItselfOrBothCorrectingAndRetracting() {
		assertThat(fields(request().corrects("9f1c2b1e-4c0a-4c55-b2a7-3f0d8f1b7a10").build()))
			.containsExactly("correctsEventId");
		assertThat(fields(request().corrects("evt-original-0001").retracts("evt-original-0001").reason("x").build()))
			.contains("correctsEventId", "retractsEventId");
		assertThat(fields(request().corrects("short").build())).containsExactly("correctsEventId");
		assertThat(fields(request().reason("nhầm").build())).containsExactly("reason");
	}

	@Test
	void derivesTheSameRetractionIdForTheSameReport() {
		assertThat(ValidProgress.derivedRetractionId("evt-original-0001"))
			.isEqualTo(ValidProgress.derivedRetractionId("evt-original-0001"))
			.isNotEqualTo(ValidProgress.derivedRetractionId("evt-original-0002"))
			.matches("^[A-Za-z0-9._:-]{8,64}$");
	}

	@Test
	void hashesAPlainReportExactlyAsReceiptsWrittenBeforeNotesExistedDid() {
		// The hash the previous version gave this report: its receipts must still
		// recognise their retries.
		ValidProgress progress = this.validator.validate(request().eventId("evt-00000001")
			.date(LocalDate.of(2026, 1, 15))
			.quantities(new HashMap<>(Map.of("minutes", 15L, "broadcasts", 1L)))
			.build());

		assertThat(progress.bodyHash()).isEqualTo("a95ca75f5e04bcba852c58f77f0b2ceb234bf46986e2a3a59c555a90b0b1677a");
		assertThat(this.validator
			.validate(request().eventId("evt-00000001")
				.date(LocalDate.of(2026, 1, 15))
				.quantities(new HashMap<>(Map.of("minutes", 15L, "broadcasts", 1L)))
				.note("thêm ghi chú")
				.build())
			.bodyHash()).isNotEqualTo(progress.bodyHash());
	}

	@Test
	void boundsTheBudgetAtTenThousandBillionDong() {
		assertThat(fields(request().budget(0L).build())).isEmpty();
		assertThat(fields(request().budget(10_000_000_000_000L).build())).isEmpty();
		assertThat(fields(request().budget(10_000_000_000_001L).build())).containsExactly("budgetSpentVnd");
		assertThat(fields(request().budget(-1L).build())).containsExactly("budgetSpentVnd");
	}

	@Test
	void acceptsDatesFrom2000UntilTomorrowInVietnam() {
		// It is already 21 November in Vietnam, so the 22nd is tomorrow there.
		assertThat(fields(request().date(LocalDate.of(2000, 1, 1)).build())).isEmpty();
		assertThat(fields(request().date(LocalDate.of(2026, 11, 22)).build())).isEmpty();
		assertThat(fields(request().date(LocalDate.of(1999, 12, 31)).build())).containsExactly("date");
		assertThat(fields(request().date(LocalDate.of(2026, 11, 23)).build())).containsExactly("date");
	}

	@Test
	void hashesTheReportAsUnderstoodNotAsSpelled() {
		ValidProgress original = this.validator.validate(request().budget(null).evidence(null).build());
		Map<String, @Nullable Long> reordered = new LinkedHashMap<>();
		reordered.put("minutes", 15L);
		reordered.put("broadcasts", 1L);
		ValidProgress spelledOut = this.validator
			.validate(request().budget(0L).evidence(List.of()).quantities(reordered).build());
		ValidProgress different = this.validator.validate(request().budget(1L).evidence(null).build());

		assertThat(spelledOut.bodyHash()).isEqualTo(original.bodyHash()).hasSize(64);
		assertThat(different.bodyHash()).isNotEqualTo(original.bodyHash());
	}

	private List<String> fields(ProgressRequest request) {
		ProblemException problem = catchThrowableOfType(ProblemException.class, () -> this.validator.validate(request));
		if (problem == null) {
			return List.of();
		}
		assertThat(problem.getProblem().getStatus()).isEqualTo(400);
		@SuppressWarnings("unchecked")
		List<FieldError> errors = (List<FieldError>) problem.getProblem().getProperties().get("errors");
		errors.forEach((error) -> assertThat(error.message()).isNotBlank());
		return errors.stream().map(FieldError::field).toList();
	}

	private static Builder request() {
		return new Builder();
	}

	private static final class Builder {

		private String eventId = "9f1c2b1e-4c0a-4c55-b2a7-3f0d8f1b7a10";

		private String unitCode = "09190";

		private String planId = "27-22-KH-UBND-2022";

		private String activityId = "A1";

		private @Nullable LocalDate date = LocalDate.of(2026, 11, 20);

		private Map<String, @Nullable Long> quantities = new HashMap<>(Map.of("minutes", 15L, "broadcasts", 1L));

		private @Nullable List<@Nullable String> evidence = List.of("https://bacninh.gov.vn/tin-tuc/cchc");

		private @Nullable Long budget = 500_000L;

		private String reporter = "Nguyễn Thị Hà";

		private @Nullable String note;

		private @Nullable String corrects;

		private @Nullable String retracts;

		private @Nullable String reason;

		Builder eventId(String eventId) {
			this.eventId = eventId;
			return this;
		}

		Builder unitCode(String unitCode) {
			this.unitCode = unitCode;
			return this;
		}

		Builder planId(String planId) {
			this.planId = planId;
			return this;
		}

		Builder activityId(String activityId) {
			this.activityId = activityId;
			return this;
		}

		Builder note(String note) {
			this.note = note;
			return this;
		}

		Builder corrects(String eventId) {
			this.corrects = eventId;
			return this;
		}

		Builder retracts(String eventId) {
			this.retracts = eventId;
			return this;
		}

		Builder reason(String reason) {
			this.reason = reason;
			return this;
		}

		Builder date(@Nullable LocalDate date) {
			this.date = date;
			return this;
		}

		Builder quantities(Map<String, @Nullable Long> quantities) {
			this.quantities = quantities;
			return this;
		}

		Builder evidence(@Nullable List<@Nullable String> evidence) {
			this.evidence = evidence;
			return this;
		}

		Builder budget(@Nullable Long budget) {
			this.budget = budget;
			return this;
		}

		Builder reporter(String reporter) {
			this.reporter = reporter;
			return this;
		}

		ProgressRequest build() {
			return new ProgressRequest(this.eventId, this.unitCode, this.planId, this.activityId, this.date,
					this.quantities, this.evidence, this.budget, this.reporter, this.note, this.corrects, this.retracts,
					this.reason);
		}

	}

}
