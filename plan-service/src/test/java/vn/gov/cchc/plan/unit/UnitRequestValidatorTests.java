package vn.gov.cchc.plan.unit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import vn.gov.cchc.events.UnitContacts;
import vn.gov.cchc.events.UnitDetails;
import vn.gov.cchc.events.UnitKind;
import vn.gov.cchc.web.FieldError;
import vn.gov.cchc.web.ProblemException;

import org.springframework.http.ProblemDetail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The rules of a batch of units, each on its own and against the known tree.
 */
class UnitRequestValidatorTests {

	private static final LocalDate FROM = LocalDate.of(1997, 1, 1);

	private final UnitRequestValidator validator = new UnitRequestValidator();

	@Test
	void acceptsATreeWhoseParentsComeLaterInTheBatch() {
		List<UnitDetails> units = this.validator.toUnits(batch(unit("09190", UnitKind.COMMUNE, "256"),
				unit("256", UnitKind.DISTRICT, "27"), unit("27", UnitKind.PROVINCE, null)));

		assertThat(units).extracting(UnitDetails::code).containsExactly("09190", "256", "27");
		this.validator.checkTree(units, (code) -> null);
	}

	@Test
	void normalisesBlankOptionalTextsAndAbsentContacts() {
		UnitRequest request = new UnitRequest("27", "  Tỉnh Bắc Ninh ", UnitKind.PROVINCE, " ", FROM, null,
				new UnitRequest.Contacts("", " snv@bacninh.gov.vn ", null));

		UnitDetails unit = this.validator.toUnits(batch(request)).get(0);

		assertThat(unit.name()).isEqualTo("Tỉnh Bắc Ninh");
		assertThat(unit.parentCode()).isNull();
		assertThat(unit.contacts()).isEqualTo(new UnitContacts(null, "snv@bacninh.gov.vn", null));
		assertThat(this.validator.toUnits(batch(unit("27", UnitKind.PROVINCE, null))).get(0).contacts())
			.isEqualTo(new UnitContacts(null, null, null));
	}

	@Test
	void namesEveryBrokenFieldOfEveryUnit() {
		List<@Nullable UnitRequest> batch = batch(new UnitRequest(null, null, null, null, null, null, null),
				new UnitRequest("27", "Tỉnh", UnitKind.PROVINCE, "01", FROM, FROM.minusDays(1),
						new UnitRequest.Contacts("p".repeat(201), "not-an-email", "0912 345 678")),
				new UnitRequest("lower-case", "x".repeat(201), UnitKind.COMMUNE, null, FROM, null, null));
		batch.add(null);

		ProblemDetail problem = problem(() -> this.validator.toUnits(batch));

		assertThat(problem.getStatus()).isEqualTo(400);
		assertThat(fields(problem)).containsExactlyInAnyOrder("[0].code", "[0].name", "[0].kind", "[0].validFrom",
				"[1].parentCode", "[1].validTo", "[1].contacts.person", "[1].contacts.email", "[1].contacts.phone",
				"[2].code", "[2].name", "[2].parentCode", "[3]");
	}

	@Test
	void refusesACodeTwiceInOneBatch() {
		ProblemDetail problem = problem(() -> this.validator
			.toUnits(batch(unit("27", UnitKind.PROVINCE, null), unit("27", UnitKind.PROVINCE, null))));

		assertThat(fields(problem)).containsExactly("[1].code");
	}

	@Test
	void refusesAUnitThatIsItsOwnParent() {
		ProblemDetail problem = problem(() -> this.validator.toUnits(batch(unit("256", UnitKind.DISTRICT, "256"))));

		assertThat(fields(problem)).containsExactly("[0].parentCode");
	}

	@Test
	void acceptsAParentKnownBeforeTheBatch() {
		Map<String, UnitDetails> known = Map.of("27", details("27", UnitKind.PROVINCE, null));
		List<UnitDetails> units = this.validator.toUnits(batch(unit("256", UnitKind.DISTRICT, "27")));

		this.validator.checkTree(units, known::get);
	}

	@Test
	void refusesAParentNeitherKnownNorInTheBatch() {
		List<UnitDetails> units = this.validator
			.toUnits(batch(unit("27", UnitKind.PROVINCE, null), unit("09190", UnitKind.COMMUNE, "256")));

		ProblemDetail problem = problem(() -> this.validator.checkTree(units, (code) -> null));

		assertThat(problem.getStatus()).isEqualTo(422);
		assertThat(fields(problem)).containsExactly("[1].parentCode");
	}

	@Test
	void refusesAChangeThatWouldMakeAUnitItsOwnAncestor() {
		// Known: 27 > 256 > 09190. The batch moves 256 under 09190.
		Map<String, UnitDetails> known = Map.of("27", details("27", UnitKind.PROVINCE, null), "256",
				details("256", UnitKind.DISTRICT, "27"), "09190", details("09190", UnitKind.COMMUNE, "256"));
		List<UnitDetails> units = this.validator.toUnits(batch(unit("256", UnitKind.DISTRICT, "09190")));

		ProblemDetail problem = problem(() -> this.validator.checkTree(units, known::get));

		assertThat(problem.getStatus()).isEqualTo(422);
		assertThat(fields(problem)).containsExactly("[0].parentCode");
	}

	@Test
	void acceptsAKeptCommuneWithItsEarlierDistrictAndItsGroups() {
		UnitRequest kept = new UnitRequest("09190", "Phường Vũ Ninh", UnitKind.COMMUNE, "27", FROM, null, null,
				List.of(new UnitRequest.ParentPeriod("256", FROM, LocalDate.of(2025, 6, 30))), List.of(" 09187 "),
				List.of(), Map.of("commune-radio-stations", 1, "commune-post-offices", 0));

		UnitDetails unit = this.validator.toUnits(batch(kept)).get(0);

		assertThat(unit.parentHistory())
			.containsExactly(new UnitDetails.ParentPeriod("256", FROM, LocalDate.of(2025, 6, 30)));
		assertThat(unit.parentOn(LocalDate.of(2025, 6, 30))).isEqualTo("256");
		assertThat(unit.parentOn(LocalDate.of(2025, 7, 1))).isEqualTo("27");
		assertThat(unit.predecessorCodes()).containsExactly("09187");
		assertThat(unit.groups()).containsEntry("commune-radio-stations", 1).containsEntry("commune-post-offices", 0);
	}

	@Test
	void refusesAParentHistoryOutOfOrderOverlappingOrOutsideTheUnitsDays() {
		LocalDate end = LocalDate.of(2025, 6, 30);
		UnitRequest broken = new UnitRequest("09190", "Phường Vũ Ninh", UnitKind.COMMUNE, "27", FROM, end, null,
				Arrays.asList(new UnitRequest.ParentPeriod("256", FROM.minusYears(1), LocalDate.of(2000, 12, 31)),
						new UnitRequest.ParentPeriod("257", LocalDate.of(2000, 6, 1), LocalDate.of(2010, 12, 31)),
						new UnitRequest.ParentPeriod("258", LocalDate.of(2012, 1, 1), LocalDate.of(2011, 1, 1)),
						new UnitRequest.ParentPeriod(null, LocalDate.of(2013, 1, 1), null),
						new UnitRequest.ParentPeriod("09190", LocalDate.of(2020, 1, 1), end), null),
				null, null, null);

		ProblemDetail problem = problem(() -> this.validator.toUnits(batch(broken)));

		assertThat(fields(problem)).containsExactlyInAnyOrder("[0].parentHistory[0].from", "[0].parentHistory[1].from",
				"[0].parentHistory[2].to", "[0].parentHistory[3].parentCode", "[0].parentHistory[3].to",
				"[0].parentHistory[4].parentCode", "[0].parentHistory[4].to", "[0].parentHistory[5]");
	}

	@Test
	void refusesAParentHistoryForAProvince() {
		UnitRequest province = new UnitRequest("27", "Tỉnh Bắc Ninh", UnitKind.PROVINCE, null, FROM, null, null,
				List.of(new UnitRequest.ParentPeriod("01", FROM, FROM.plusYears(1))), null, null, null);

		assertThat(fields(problem(() -> this.validator.toUnits(batch(province))))).containsExactly("[0].parentHistory");
	}

	@Test
	void refusesReorganisationLinksToItselfTwiceOrMalformed() {
		UnitRequest unit = new UnitRequest("09190", "Phường Vũ Ninh", UnitKind.COMMUNE, "256", FROM, null, null, null,
				Arrays.asList("09190", "09187", "09187", null), List.of("xa-moi"), null);

		assertThat(fields(problem(() -> this.validator.toUnits(batch(unit))))).containsExactlyInAnyOrder(
				"[0].predecessorCodes[0]", "[0].predecessorCodes[2]", "[0].predecessorCodes[3]",
				"[0].successorCodes[0]");
	}

	@Test
	void refusesGroupNamesThatAreNoSlugAndCountsOutOfRange() {
		Map<String, @Nullable Integer> groups = new LinkedHashMap<>();
		groups.put("commune-radio-stations", 100_000);
		groups.put("Commune Radio", 1);
		groups.put("commune-post-offices", -1);
		groups.put("reading-rooms", 100_001);
		groups.put("g".repeat(41), 1);
		groups.put("libraries", null);
		UnitRequest unit = new UnitRequest("09190", "Phường Vũ Ninh", UnitKind.COMMUNE, "256", FROM, null, null, null,
				null, null, groups);

		assertThat(fields(problem(() -> this.validator.toUnits(batch(unit))))).containsExactlyInAnyOrder(
				"[0].groups.Commune Radio", "[0].groups.commune-post-offices", "[0].groups.reading-rooms",
				"[0].groups." + "g".repeat(41), "[0].groups.libraries");
	}

	@Test
	void refusesLinksAndEarlierParentsThatAreNowhere() {
		Map<String, UnitDetails> known = Map.of("27", details("27", UnitKind.PROVINCE, null), "256",
				details("256", UnitKind.DISTRICT, "27"));
		UnitRequest unit = new UnitRequest("09190", "Phường Vũ Ninh", UnitKind.COMMUNE, "27", FROM, null, null,
				List.of(new UnitRequest.ParentPeriod("999", FROM, LocalDate.of(2000, 1, 1)),
						new UnitRequest.ParentPeriod("256", LocalDate.of(2000, 1, 2), LocalDate.of(2025, 6, 30))),
				List.of("256", "09999"), List.of("09998"), null);
		List<UnitDetails> units = this.validator.toUnits(batch(unit, unit("09998", UnitKind.COMMUNE, "27")));

		ProblemDetail problem = problem(() -> this.validator.checkTree(units, known::get));

		assertThat(problem.getStatus()).isEqualTo(422);
		assertThat(fields(problem)).containsExactly("[0].parentHistory[0].parentCode", "[0].predecessorCodes[1]");
	}

	@Test
	void refusesToGiveAKnownCodeToAUnitOfAnotherKind() {
		Map<String, UnitDetails> stored = Map.of("256", details("256", UnitKind.DISTRICT, "27"));
		List<UnitDetails> units = this.validator
			.toUnits(batch(unit("27", UnitKind.PROVINCE, null), unit("256", UnitKind.COMMUNE, "27")));

		ProblemDetail problem = problem(() -> this.validator.checkCodesNotReused(units, stored));

		assertThat(problem.getStatus()).isEqualTo(409);
		assertThat(problem.getType().toString()).endsWith("/unit-code-reused");
		assertThat(fields(problem)).containsExactly("[1].kind");
		this.validator.checkCodesNotReused(this.validator.toUnits(batch(unit("256", UnitKind.DISTRICT, "27"))), stored);
	}

	private static UnitRequest unit(String code, UnitKind kind, @Nullable String parentCode) {
		return new UnitRequest(code, "Đơn vị " + code, kind, parentCode, FROM, null, null);
	}

	private static UnitDetails details(String code, UnitKind kind, @Nullable String parentCode) {
		return new UnitDetails(code, "Đơn vị " + code, kind, parentCode, FROM, null,
				new UnitContacts(null, null, null));
	}

	private static List<@Nullable UnitRequest> batch(UnitRequest... units) {
		return new ArrayList<>(Arrays.asList(units));
	}

	private static ProblemDetail problem(Runnable validation) {
		ProblemException ex = catchThrowableOfType(ProblemException.class, validation::run);
		assertThat(ex).as("a problem").isNotNull();
		return ex.getProblem();
	}

	@SuppressWarnings("unchecked")
	private static List<String> fields(ProblemDetail problem) {
		return ((List<FieldError>) problem.getProperties().get("errors")).stream().map(FieldError::field).toList();
	}

}
