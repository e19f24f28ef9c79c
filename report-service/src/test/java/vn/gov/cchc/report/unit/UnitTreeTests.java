package vn.gov.cchc.report.unit;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import vn.gov.cchc.events.UnitContacts;
import vn.gov.cchc.events.UnitDetails;
import vn.gov.cchc.events.UnitKind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The tree answers for the day asked: three levels before 1 July 2025, two after, and a
 * unit kept through the reform follows its parent history.
 */
class UnitTreeTests {

	private static final LocalDate LAST_DISTRICT_DAY = LocalDate.of(2025, 6, 30);

	private static final LocalDate IN_2024 = LocalDate.of(2024, 5, 10);

	private static final LocalDate IN_2026 = LocalDate.of(2026, 3, 2);

	private final UnitTree tree = new UnitTree(List.of(unit("27", UnitKind.PROVINCE, null, null, List.of()),
			unit("256", UnitKind.DISTRICT, "27", LAST_DISTRICT_DAY, List.of()),
			unit("09190", UnitKind.COMMUNE, "256", LAST_DISTRICT_DAY, List.of()),
			unit("09193", UnitKind.COMMUNE, "256", LAST_DISTRICT_DAY, List.of()),
			new UnitDetails("33001", "Phường Kinh Bắc", UnitKind.COMMUNE, "27", LocalDate.of(2025, 7, 1), null,
					new UnitContacts(null, null, null), List.of(), List.of("09190", "09193"), List.of(), Map.of()),
			// Kept through the reform: under district 256 until 30/6/2025, then under the
			// province.
			unit("09196", UnitKind.COMMUNE, "27", null,
					List.of(new UnitDetails.ParentPeriod("256", LocalDate.of(2008, 1, 1), LAST_DISTRICT_DAY)))));

	@Test
	void rollsUpThroughTheDistrictBeforeTheReformAndStraightToTheProvinceAfter() {
		assertThat(this.tree.pathOn("09190", IN_2024)).containsExactly("09190", "256", "27");
		assertThat(this.tree.pathOn("09196", IN_2024)).containsExactly("09196", "256", "27");
		assertThat(this.tree.pathOn("09196", IN_2026)).containsExactly("09196", "27");
		assertThat(this.tree.pathOn("33001", IN_2026)).containsExactly("33001", "27");
	}

	@Test
	void childrenAndDescendantsAreThoseOfTheDay() {
		assertThat(this.tree.childrenOn("27", IN_2024)).extracting(UnitDetails::code).containsExactly("256");
		assertThat(this.tree.descendantsOn("27", IN_2024)).extracting(UnitDetails::code)
			.containsExactly("256", "09190", "09193", "09196");
		assertThat(this.tree.childrenOn("27", IN_2026)).extracting(UnitDetails::code).containsExactly("09196", "33001");
		assertThat(this.tree.isWithinOn("09190", "256", IN_2024)).isTrue();
		assertThat(this.tree.isWithinOn("09196", "256", IN_2026)).isFalse();
	}

	@Test
	void overItsWholeLifeAUnitIsUnderEveryUnitItWasEverUnderTheTopLast() {
		assertThat(this.tree.pathEver("09190")).containsExactly("09190", "256", "27");
		// Under 256 until the reform and under 27 since: 27 still comes after 256.
		assertThat(this.tree.pathEver("09196")).containsExactly("09196", "256", "27");
		assertThat(this.tree.pathEver("33001")).containsExactly("33001", "27");
		assertThat(this.tree.pathEver("27")).containsExactly("27");
	}

	@Test
	void aCycleInTheDataEndsTheWalkInsteadOfLooping() {
		UnitTree cycle = new UnitTree(List.of(unit("A", UnitKind.DISTRICT, "B", null, List.of()),
				unit("B", UnitKind.DISTRICT, "A", null, List.of())));

		assertThat(cycle.pathEver("A")).containsExactlyInAnyOrder("A", "B").startsWith("A");
	}

	@Test
	void anUnknownAncestorIsReportedByCode() {
		UnitTree orphan = new UnitTree(List.of(unit("09247", UnitKind.COMMUNE, "258", null, List.of())));

		assertThatThrownBy(() -> orphan.pathOn("09247", IN_2024)).isInstanceOf(UnitTree.UnknownUnitException.class)
			.hasMessageContaining("258");
		assertThatThrownBy(() -> orphan.pathEver("09247")).isInstanceOf(UnitTree.UnknownUnitException.class)
			.hasMessageContaining("258");
	}

	private static UnitDetails unit(String code, UnitKind kind, String parentCode, LocalDate validTo,
			List<UnitDetails.ParentPeriod> history) {
		return new UnitDetails(code, "Đơn vị " + code, kind, parentCode, LocalDate.of(2008, 1, 1), validTo,
				new UnitContacts(null, null, null), history, List.of(), List.of(), Map.of());
	}

}
