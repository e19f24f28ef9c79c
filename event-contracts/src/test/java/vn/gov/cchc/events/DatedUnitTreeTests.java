package vn.gov.cchc.events;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The walks over the tree of a day, on a small Bắc Ninh through the reform of 1 July
 * 2025: district 256 ended on 30 June with its communes 09190 and 09193, which were
 * merged into 33001; 09196 was kept and moved under the province; 09202 was split into
 * 33002 and 33003.
 */
class DatedUnitTreeTests {

	private static final LocalDate FOUNDED = LocalDate.of(2008, 1, 1);

	private static final LocalDate LAST_DISTRICT_DAY = LocalDate.of(2025, 6, 30);

	private static final LocalDate REFORM = LocalDate.of(2025, 7, 1);

	private static final LocalDate IN_2024 = LocalDate.of(2024, 5, 10);

	private static final LocalDate IN_2026 = LocalDate.of(2026, 3, 2);

	private static final List<UnitDetails> BAC_NINH = List.of(unit("27", UnitKind.PROVINCE, null, FOUNDED, null),
			unit("27-SNV", UnitKind.DEPARTMENT, "27", FOUNDED, null),
			unit("256", UnitKind.DISTRICT, "27", FOUNDED, LAST_DISTRICT_DAY),
			unit("09190", UnitKind.COMMUNE, "256", FOUNDED, LAST_DISTRICT_DAY),
			unit("09193", UnitKind.COMMUNE, "256", FOUNDED, LAST_DISTRICT_DAY),
			// Merged from 09190 and 09193.
			new UnitDetails("33001", "Phường Kinh Bắc", UnitKind.COMMUNE, "27", REFORM, null, contacts(), List.of(),
					List.of("09190", "09193"), List.of(), Map.of()),
			// Kept through the reform: under district 256 until 30/6/2025, then under the
			// province.
			unit("09196", UnitKind.COMMUNE, "27", FOUNDED, null,
					new UnitDetails.ParentPeriod("256", FOUNDED, LAST_DISTRICT_DAY)),
			// Split into 33002 and 33003.
			unit("09202", UnitKind.COMMUNE, "256", FOUNDED, LAST_DISTRICT_DAY),
			unit("33002", UnitKind.COMMUNE, "27", REFORM, null), unit("33003", UnitKind.COMMUNE, "27", REFORM, null));

	private final DatedUnitTree<UnitDetails> tree = DatedUnitTree.of(BAC_NINH);

	@Test
	void rollsUpThroughTheDistrictBeforeTheReformAndStraightToTheProvinceAfter() {
		assertThat(this.tree.pathOn("09190", IN_2024).codes()).containsExactly("09190", "256", "27");
		assertThat(this.tree.pathOn("09196", IN_2024).codes()).containsExactly("09196", "256", "27");
		assertThat(this.tree.pathOn("09196", IN_2026).codes()).containsExactly("09196", "27");
		assertThat(this.tree.pathOn("33001", IN_2026).codes()).containsExactly("33001", "27");
		assertThat(this.tree.pathOn("09196", IN_2024).ancestors()).containsExactly("256", "27");
		assertThat(this.tree.pathOn("09196", IN_2024).complete()).isTrue();
	}

	@Test
	void aMoveTakesEffectOnItsDayExactly() {
		assertThat(this.tree.pathOn("09196", LAST_DISTRICT_DAY).codes()).containsExactly("09196", "256", "27");
		assertThat(this.tree.pathOn("09196", REFORM).codes()).containsExactly("09196", "27");
		assertThat(this.tree.childrenOn("256", LAST_DISTRICT_DAY)).extracting(UnitDetails::code)
			.containsExactly("09190", "09193", "09196", "09202");
		assertThat(this.tree.childrenOn("27", REFORM)).extracting(UnitDetails::code)
			.containsExactly("09196", "27-SNV", "33001", "33002", "33003");
	}

	@Test
	void aUnitIsOnItsOwnPathWhateverTheDayButAnAncestorOnlyOnTheDaysItExisted() {
		// 09190 was merged away; the fact of a day after still rolls up, and its
		// district, gone too, is left out while the walk goes on to the province.
		assertThat(this.tree.pathOn("09190", IN_2026).codes()).containsExactly("09190", "27");
		// Not yet born: its parent of the first day is the one walked.
		assertThat(this.tree.pathOn("33001", IN_2024).codes()).containsExactly("33001", "27");
	}

	@Test
	void childrenAndDescendantsAreThoseOfTheDay() {
		assertThat(this.tree.childrenOn("27", IN_2024)).extracting(UnitDetails::code).containsExactly("256", "27-SNV");
		assertThat(this.tree.descendantsOn("27", IN_2024)).extracting(UnitDetails::code)
			.containsExactly("256", "27-SNV", "09190", "09193", "09196", "09202");
		assertThat(this.tree.childrenOn("27", IN_2026)).extracting(UnitDetails::code)
			.containsExactly("09196", "27-SNV", "33001", "33002", "33003");
		assertThat(this.tree.descendantsOn("256", IN_2026)).isEmpty();
		assertThat(this.tree.childrenOn("256", IN_2026)).isEmpty();
		assertThat(this.tree.pathOn("09190", IN_2024).codes()).contains("256");
		assertThat(this.tree.pathOn("09196", IN_2026).codes()).doesNotContain("256");
	}

	@Test
	void everChildrenAreEveryUnitThatHadTheParentOnSomeDay() {
		assertThat(this.tree.everChildren("256")).extracting(UnitDetails::code)
			.containsExactly("09190", "09193", "09196", "09202");
		assertThat(this.tree.everChildren("27")).extracting(UnitDetails::code)
			.containsExactly("09196", "256", "27-SNV", "33001", "33002", "33003");
		assertThat(this.tree.everChildren("09190")).isEmpty();
		assertThat(this.tree.everChildren("99999")).isEmpty();
	}

	@Test
	void aSnapshotFindsEveryUnitWhateverItsDaysSortedByCode() {
		assertThat(this.tree.find("09190")).isPresent();
		assertThat(this.tree.find("99999")).isEmpty();
		assertThat(this.tree.all()).extracting(UnitDetails::code)
			.containsExactly("09190", "09193", "09196", "09202", "256", "27", "27-SNV", "33001", "33002", "33003");
	}

	@Test
	void overItsWholeLifeAUnitIsUnderEveryUnitItWasEverUnderTheTopLast() {
		assertThat(this.tree.pathOverLife("09190").codes()).containsExactly("09190", "256", "27");
		// Under 256 until the reform and under 27 since: 27 still comes after 256.
		assertThat(this.tree.pathOverLife("09196").codes()).containsExactly("09196", "256", "27");
		assertThat(this.tree.pathOverLife("33001").codes()).containsExactly("33001", "27");
		assertThat(this.tree.pathOverLife("27").codes()).containsExactly("27");
		assertThat(this.tree.pathOverLife("27-SNV").codes()).containsExactly("27-SNV", "27");
	}

	@Test
	void overAPeriodAUnitHasTheParentsOfTheDaysItExistedAndNoPathIfItExistedOnNone() {
		assertThat(this.tree.pathDuring("09196", LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31)).codes())
			.containsExactly("09196", "256", "27");
		assertThat(this.tree.pathDuring("09196", REFORM, LocalDate.of(2025, 12, 31)).codes()).containsExactly("09196",
				"27");
		assertThat(this.tree.pathDuring("33001", LocalDate.of(2020, 1, 1), LocalDate.of(2020, 12, 31)).codes())
			.isEmpty();
		assertThat(this.tree.pathDuring("33001", LocalDate.of(2020, 1, 1), LocalDate.of(2020, 12, 31)).complete())
			.isTrue();
		assertThat(this.tree.pathDuring("09190", REFORM, REFORM).codes()).isEmpty();
		// One day is the path of that day, for a unit that existed then.
		assertThat(this.tree.pathDuring("09190", IN_2024, IN_2024)).isEqualTo(this.tree.pathOn("09190", IN_2024));
	}

	@Test
	void overALifeAUnitHoldsOnlyTheAncestorsOfTheDaysItExisted() {
		// A district of another province until 2015, of this one after; a commune formed
		// under it in 2020 was never in the other province.
		DatedUnitTree<UnitDetails> moved = DatedUnitTree.of(List.of(unit("27", UnitKind.PROVINCE, null, FOUNDED, null),
				unit("70", UnitKind.PROVINCE, null, FOUNDED, null),
				unit("700", UnitKind.DISTRICT, "27", FOUNDED, null,
						new UnitDetails.ParentPeriod("70", FOUNDED, LocalDate.of(2015, 12, 31))),
				unit("70001", UnitKind.COMMUNE, "700", LocalDate.of(2020, 1, 1), null)));

		assertThat(moved.pathOverLife("70001").codes()).containsExactly("70001", "700", "27");
		assertThat(moved.pathOverLife("700").codes()).containsExactly("700", "70", "27");
		assertThat(moved.pathOn("700", LocalDate.of(2010, 1, 1)).codes()).containsExactly("700", "70");
	}

	@Test
	void overALifeTheProvinceOfTheLastDayComesLastWhateverHeightItHeld() {
		// Right under province 27 until 2019, then under its district 256: 27 stays last.
		// And a commune of district 258 of province 70 until 2019, then right under 27:
		// 27, its province at the end, is last although 70 stood higher.
		DatedUnitTree<UnitDetails> moves = DatedUnitTree.of(List.of(unit("27", UnitKind.PROVINCE, null, FOUNDED, null),
				unit("256", UnitKind.DISTRICT, "27", FOUNDED, null), unit("70", UnitKind.PROVINCE, null, FOUNDED, null),
				unit("258", UnitKind.DISTRICT, "70", FOUNDED, null),
				unit("09999", UnitKind.COMMUNE, "256", FOUNDED, null,
						new UnitDetails.ParentPeriod("27", FOUNDED, LocalDate.of(2019, 12, 31))),
				unit("09998", UnitKind.COMMUNE, "27", FOUNDED, null,
						new UnitDetails.ParentPeriod("258", FOUNDED, LocalDate.of(2019, 12, 31)))));

		assertThat(moves.pathOverLife("09999").codes()).containsExactly("09999", "256", "27");
		assertThat(moves.pathOverLife("09998").codes()).containsExactly("09998", "258", "70", "27");
	}

	@Test
	void aSplitOrMergeLeavesEachUnitWithItsOwnDays() {
		assertThat(this.tree.pathOverLife("09202").codes()).containsExactly("09202", "256", "27");
		assertThat(this.tree.pathOverLife("33002").codes()).containsExactly("33002", "27");
		assertThat(this.tree.descendantsOn("27", REFORM)).extracting(UnitDetails::code)
			.doesNotContain("09190", "09193", "09202", "256")
			.contains("33001", "33002", "33003");
		assertThat(this.tree.descendantsOn("27", LAST_DISTRICT_DAY)).extracting(UnitDetails::code)
			.doesNotContain("33001", "33002", "33003")
			.contains("09190", "09193", "09202");
	}

	@Test
	void aCycleInTheDataEndsTheWalkInsteadOfLooping() {
		DatedUnitTree<UnitDetails> cycle = DatedUnitTree.of(List.of(unit("A", UnitKind.DISTRICT, "B", FOUNDED, null),
				unit("B", UnitKind.DISTRICT, "A", FOUNDED, null), unit("C", UnitKind.COMMUNE, "A", FOUNDED, null)));

		assertThat(cycle.pathOverLife("A").codes()).containsExactlyInAnyOrder("A", "B").startsWith("A");
		assertThat(cycle.pathOn("A", IN_2024).codes()).containsExactly("A", "B");
		assertThat(cycle.pathOn("A", IN_2024).complete()).isTrue();
		assertThat(cycle.pathOn("C", IN_2024).codes()).containsExactly("C", "A", "B");
		assertThat(cycle.descendantsOn("A", IN_2024)).extracting(UnitDetails::code).containsExactly("B", "C");
		assertThat(cycle.childrenOn("A", IN_2024)).extracting(UnitDetails::code).containsExactly("B", "C");
	}

	@Test
	void aUnitsOwnParentIsACycleToo() {
		DatedUnitTree<UnitDetails> self = DatedUnitTree.of(List.of(unit("A", UnitKind.DISTRICT, "A", FOUNDED, null)));

		assertThat(self.pathOn("A", IN_2024).codes()).containsExactly("A");
		assertThat(self.pathOverLife("A").codes()).containsExactly("A");
		assertThat(self.descendantsOn("A", IN_2024)).isEmpty();
	}

	@Test
	void aChainDeeperThanAnyRealTreeEndsTheWalk() {
		List<UnitDetails> chain = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			chain.add(unit("U" + i, UnitKind.DEPARTMENT, "U" + (i + 1), FOUNDED, null));
		}
		chain.add(unit("U40", UnitKind.PROVINCE, null, FOUNDED, null));
		DatedUnitTree<UnitDetails> deep = DatedUnitTree.of(chain);

		assertThat(deep.pathOn("U0", IN_2024).codes()).hasSize(DatedUnitTree.MAX_DEPTH).startsWith("U0", "U1");
		assertThat(deep.descendantsOn("U40", IN_2024)).hasSize(40);
	}

	@Test
	void anUnknownUnitOrAncestorEndsThePathAndIsNamed() {
		DatedUnitTree<UnitDetails> orphan = DatedUnitTree
			.of(List.of(unit("09247", UnitKind.COMMUNE, "258", FOUNDED, null)));

		assertThat(orphan.pathOn("09247", IN_2024).codes()).containsExactly("09247");
		assertThat(orphan.pathOn("09247", IN_2024).unknownCode()).isEqualTo("258");
		assertThat(orphan.pathOn("09247", IN_2024).complete()).isFalse();
		assertThat(orphan.pathOverLife("09247").codes()).containsExactly("09247");
		assertThat(orphan.pathOverLife("09247").unknownCode()).isEqualTo("258");
		assertThat(orphan.pathOn("99999", IN_2024).codes()).isEmpty();
		assertThat(orphan.pathOn("99999", IN_2024).unknownCode()).isEqualTo("99999");
		assertThat(orphan.pathOverLife("99999").unknownCode()).isEqualTo("99999");
		assertThat(orphan.childrenOn("99999", IN_2024)).isEmpty();
		assertThat(orphan.descendantsOn("99999", IN_2024)).isEmpty();
	}

	@Test
	void anUnknownAncestorOfOtherDaysDoesNotSpoilTheDaysItWasNotNeeded() {
		DatedUnitTree<UnitDetails> partial = DatedUnitTree
			.of(List.of(unit("27", UnitKind.PROVINCE, null, FOUNDED, null), unit("09196", UnitKind.COMMUNE, "27",
					FOUNDED, null, new UnitDetails.ParentPeriod("256", FOUNDED, LAST_DISTRICT_DAY))));

		assertThat(partial.pathOn("09196", IN_2026).complete()).isTrue();
		assertThat(partial.pathOn("09196", IN_2024).unknownCode()).isEqualTo("256");
		assertThat(partial.pathDuring("09196", REFORM, IN_2026).complete()).isTrue();
		assertThat(partial.pathOverLife("09196").unknownCode()).isEqualTo("256");
		assertThat(partial.pathOverLife("09196").codes()).containsExactly("09196", "27");
	}

	@Test
	void theWalksUpLookEachUnitUpOnceOverAnyLookup() {
		Map<String, UnitDetails> units = new HashMap<>();
		BAC_NINH.forEach((unit) -> units.put(unit.code(), unit));
		List<String> reads = new ArrayList<>();

		DatedUnitTree.Path onADay = DatedUnitTree.pathOn("09196", IN_2024, (code) -> {
			reads.add(code);
			return Optional.ofNullable(units.get(code));
		});
		assertThat(onADay.codes()).containsExactly("09196", "256", "27");
		assertThat(reads).containsExactly("09196", "256", "27");

		reads.clear();
		DatedUnitTree.Path overLife = DatedUnitTree.pathOverLife("09196", (code) -> {
			reads.add(code);
			return Optional.ofNullable(units.get(code));
		});
		assertThat(overLife.codes()).containsExactly("09196", "256", "27");
		assertThat(reads).containsExactlyInAnyOrder("09196", "256", "27");
	}

	@Test
	void anyPlacementWalksNotOnlyAWholeUnit() {
		record Place(String code, @Nullable String parentCode, List<UnitDetails.ParentPeriod> parentHistory,
				LocalDate validFrom, @Nullable LocalDate validTo) implements UnitPlacement {
		}
		DatedUnitTree<Place> places = DatedUnitTree.of(List.of(new Place("27", null, List.of(), FOUNDED, null),
				new Place("256", "27", List.of(), FOUNDED, LAST_DISTRICT_DAY), new Place("09196", "27",
						List.of(new UnitDetails.ParentPeriod("256", FOUNDED, LAST_DISTRICT_DAY)), FOUNDED, null)));

		assertThat(places.pathOn("09196", IN_2024).codes()).containsExactly("09196", "256", "27");
		assertThat(places.childrenOn("27", IN_2026)).extracting(Place::code).containsExactly("09196");
	}

	@Test
	void aUnitIsAChildOnTheDaysItExistedUnderTheParent() {
		UnitDetails kept = BAC_NINH.stream().filter((unit) -> unit.code().equals("09196")).findFirst().orElseThrow();

		assertThat(kept.isChildOn("256", IN_2024)).isTrue();
		assertThat(kept.isChildOn("27", IN_2024)).isFalse();
		assertThat(kept.isChildOn("27", IN_2026)).isTrue();
		assertThat(kept.isChildOn("27", FOUNDED.minusDays(1))).isFalse();
		assertThat(kept.parentOn(LAST_DISTRICT_DAY)).isEqualTo("256");
		assertThat(kept.parentOn(REFORM)).isEqualTo("27");
	}

	private static UnitDetails unit(String code, UnitKind kind, @Nullable String parentCode, LocalDate from,
			@Nullable LocalDate to, UnitDetails.ParentPeriod... history) {
		return new UnitDetails(code, "Đơn vị " + code, kind, parentCode, from, to, contacts(), List.of(history),
				List.of(), List.of(), Map.of());
	}

	private static UnitContacts contacts() {
		return new UnitContacts(null, null, null);
	}

}
