package vn.gov.cchc.notification.contact;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import vn.gov.cchc.events.UnitDetails;
import vn.gov.cchc.security.Caller;
import vn.gov.cchc.security.ReadScope;
import vn.gov.cchc.security.Role;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Paths over the unit tree of the demo's Bắc Ninh, whose districts ended on 30 June 2025
 * and whose Xã Tam Giang (09202) then moved under the province.
 */
class UnitTreeTests {

	private static final LocalDate REORGANISED = LocalDate.of(2025, 7, 1);

	private final Map<String, UnitNode> units = new HashMap<>();

	private int reads;

	UnitTreeTests() {
		unit("27", null, "1997-01-01", null);
		unit("27-SNV", "27", "1997-01-01", null);
		unit("256", "27", "1997-01-01", "2025-06-30");
		unit("09190", "256", "1997-01-01", "2025-06-30");
		unit("09202", "27", "1997-01-01", null,
				new UnitDetails.ParentPeriod("256", LocalDate.of(1997, 1, 1), LocalDate.of(2025, 6, 30)));
		unit("33001", "27", "2025-07-01", null);
		unit("58", null, "1992-04-01", null);
		unit("58-SNV", "58", "1992-04-01", null);
	}

	@Test
	void aPathOnADayFollowsTheParentsOfThatDayAndSkipsAncestorsThatDidNotExistThen() {
		UnitTree.View tree = view();
		assertThat(tree.pathOn("09202", LocalDate.of(2024, 5, 1))).containsExactly("09202", "256", "27");
		assertThat(tree.pathOn("09202", REORGANISED)).containsExactly("09202", "27");
		// A unit is on its own path whatever the day; its dissolved parent is not.
		assertThat(tree.pathOn("09190", LocalDate.of(2026, 1, 1))).containsExactly("09190", "27");
		assertThat(tree.pathOn("99999", LocalDate.of(2024, 5, 1))).isEmpty();
	}

	@Test
	void aPathOverALifeJoinsTheParentsOfEveryDayWithTheTopLast() {
		UnitTree.View tree = view();
		assertThat(tree.pathOverLife("09202")).containsExactly("09202", "256", "27");
		assertThat(tree.pathOverLife("33001")).containsExactly("33001", "27");
		assertThat(tree.pathOverLife("27")).containsExactly("27");
		assertThat(tree.pathOverLife("99999")).isEmpty();

		// Moved from right under the province to under a district: the province stays
		// last, so a reviewer acting for the unit would read the province.
		unit("09999", "256", "1997-01-01", null,
				new UnitDetails.ParentPeriod("27", LocalDate.of(1997, 1, 1), LocalDate.of(2019, 12, 31)));
		assertThat(view().pathOverLife("09999")).containsExactly("09999", "256", "27");
	}

	@Test
	void aPathOverALifeHoldsOnlyTheAncestorsOfTheDaysTheUnitExisted() {
		// A district of another province until 2015, of this one after; a commune
		// formed under it in 2020 was never in the other province.
		unit("70", null, "1997-01-01", null);
		unit("700", "27", "1997-01-01", null,
				new UnitDetails.ParentPeriod("70", LocalDate.of(1997, 1, 1), LocalDate.of(2015, 12, 31)));
		unit("70001", "700", "2020-01-01", null);
		assertThat(view().pathOverLife("70001")).containsExactly("70001", "700", "27");
		assertThat(view().pathOverLife("700")).containsExactly("700", "70", "27");
	}

	@Test
	void aPathEndsAtAnUnknownAncestorOrWhereTheDataGoesRoundInACircle() {
		unit("10001", "888", "2008-01-01", null);
		unit("20001", "20002", "2008-01-01", null);
		unit("20002", "20001", "2008-01-01", null);
		UnitTree.View tree = view();
		assertThat(tree.pathOn("10001", LocalDate.of(2024, 1, 1))).containsExactly("10001");
		assertThat(tree.pathOn("20001", LocalDate.of(2024, 1, 1))).containsExactly("20001", "20002");
		assertThat(tree.pathOverLife("20001")).containsExactly("20001", "20002");
	}

	@Test
	void aViewReadsEachUnitOnce() {
		UnitTree.View tree = view();
		for (int i = 0; i < 5; i++) {
			tree.pathOn("09202", LocalDate.of(2024, 5, 1));
			tree.pathOverLife("09202");
		}
		assertThat(this.reads).isEqualTo(3);
	}

	@Test
	void officersReadTheirSubtreeOnTheDayReviewersTheirProvinceOnAnyDay() {
		UnitTree.View tree = view();
		Caller district = new Caller("tpbacninh.canbo", "Lê Minh Tuấn", "256", Set.of(Role.OFFICER));
		Caller reviewer = new Caller("snv.thamdinh", "Trần Thị Mai", "27-SNV", Set.of(Role.REVIEWER));
		Caller foreign = new Caller("ninhthuan.thamdinh", "Ngô Hồng Nga", "58-SNV", Set.of(Role.REVIEWER));
		Caller commune = new Caller("vuninh.canbo", "Ngô Quang Dũng", "09190", Set.of(Role.OFFICER));
		LocalDate before = LocalDate.of(2025, 3, 20);

		assertThat(ReadScope.of(district, tree.on(before)).covers("09202")).isTrue();
		assertThat(ReadScope.of(district, tree.on(REORGANISED)).covers("09202")).isFalse();
		assertThat(ReadScope.of(district, tree.overLife()).covers("09202")).isTrue();
		assertThat(ReadScope.of(reviewer, tree.on(before)).covers("09202")).isTrue();
		assertThat(ReadScope.of(reviewer, tree.on(REORGANISED)).covers("09202")).isTrue();
		assertThat(ReadScope.of(foreign, tree.overLife()).covers("09202")).isFalse();
		assertThat(ReadScope.of(commune, tree.overLife()).covers("09202")).isFalse();
		assertThat(ReadScope.of(commune, tree.overLife()).covers("09190")).isTrue();
	}

	private UnitTree.View view() {
		return new UnitTree.View((code) -> {
			this.reads++;
			return Optional.ofNullable(this.units.get(code));
		});
	}

	private void unit(String code, @Nullable String parentCode, String validFrom, @Nullable String validTo,
			UnitDetails.ParentPeriod... history) {
		this.units.put(code,
				new UnitNode(code, parentCode, List.of(history), LocalDate.parse(validFrom),
						(validTo != null) ? LocalDate.parse(validTo) : null, Instant.parse("2025-01-02T01:00:00Z"),
						"reg-" + code));
	}

}
