package vn.gov.cchc.plan.unit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import vn.gov.cchc.events.UnitContacts;
import vn.gov.cchc.events.UnitDetails;
import vn.gov.cchc.events.UnitKind;
import vn.gov.cchc.security.Caller;
import vn.gov.cchc.security.ReadScope;
import vn.gov.cchc.security.Role;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The paths a read is judged on, on a small province through the reform of 1 July 2025: a
 * district that ended on 30 June, one of its communes merged away then, one kept and
 * moved under the province, and one formed on 1 July.
 */
class UnitTreeTests {

	private static final LocalDate BEFORE = LocalDate.of(2025, 6, 30);

	private static final LocalDate REFORM = LocalDate.of(2025, 7, 1);

	private static final LocalDate FOUNDED = LocalDate.of(1997, 1, 1);

	private static final Map<String, UnitDetails> UNITS = List
		.of(unit("P", UnitKind.PROVINCE, null, FOUNDED, null, List.of()),
				unit("P-SNV", UnitKind.DEPARTMENT, "P", FOUNDED, null, List.of()),
				unit("D", UnitKind.DISTRICT, "P", FOUNDED, BEFORE, List.of()),
				unit("C", UnitKind.COMMUNE, "D", FOUNDED, BEFORE, List.of()),
				unit("K", UnitKind.COMMUNE, "P", FOUNDED, null,
						List.of(new UnitDetails.ParentPeriod("D", FOUNDED, BEFORE))),
				unit("N", UnitKind.COMMUNE, "P", REFORM, null, List.of()))
		.stream()
		.collect(Collectors.toMap(UnitDetails::code, Function.identity()));

	private final List<String> reads = new ArrayList<>();

	private final UnitTree tree = new UnitTree((code) -> {
		this.reads.add(code);
		return Optional.ofNullable(UNITS.get(code));
	});

	@Test
	void onADayAUnitHasItsParentsOfThatDayAndNoPathIfItDidNotExist() {
		assertThat(this.tree.on(BEFORE).pathOf("K")).containsExactly("K", "D", "P");
		assertThat(this.tree.on(BEFORE).pathOf("C")).containsExactly("C", "D", "P");
		assertThat(this.tree.on(BEFORE).pathOf("N")).isEmpty();
		assertThat(this.tree.on(REFORM).pathOf("K")).containsExactly("K", "P");
		assertThat(this.tree.on(REFORM).pathOf("C")).isEmpty();
		assertThat(this.tree.on(REFORM).pathOf("D")).isEmpty();
		assertThat(this.tree.on(REFORM).pathOf("N")).containsExactly("N", "P");
	}

	@Test
	void overAPeriodOrALifetimeAUnitHasEveryParentItHadThenWithItsLastProvinceLast() {
		assertThat(this.tree.overLifetime().pathOf("K")).containsExactly("K", "D", "P");
		assertThat(this.tree.overLifetime().pathOf("C")).containsExactly("C", "D", "P");
		assertThat(this.tree.during(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31)).pathOf("K"))
			.containsExactly("K", "D", "P");
		assertThat(this.tree.during(REFORM, LocalDate.of(2025, 12, 31)).pathOf("K")).containsExactly("K", "P");
		assertThat(this.tree.during(LocalDate.of(2020, 1, 1), LocalDate.of(2020, 12, 31)).pathOf("N")).isEmpty();
		assertThat(this.tree.overLifetime().pathOf("P-SNV")).containsExactly("P-SNV", "P");
	}

	@Test
	void aUnitItDoesNotKnowHasNoPath() {
		assertThat(this.tree.overLifetime().pathOf("X")).isEmpty();
		assertThat(this.tree.on(BEFORE).pathOf("X")).isEmpty();
	}

	@Test
	void scopesReadOnTheseTrees() {
		Caller district = new Caller("officer-D", "Cán bộ huyện", "D", java.util.Set.of(Role.OFFICER));
		Caller kept = new Caller("officer-K", "Cán bộ xã", "K", java.util.Set.of(Role.OFFICER));
		Caller reviewer = new Caller("reviewer", "Sở Nội vụ", "P-SNV", java.util.Set.of(Role.REVIEWER));

		assertThat(ReadScope.of(district, this.tree.overLifetime()).covers("K")).isTrue();
		assertThat(ReadScope.of(district, this.tree.on(BEFORE)).covers("K")).isTrue();
		assertThat(ReadScope.of(district, this.tree.on(REFORM)).covers("K")).isFalse();
		assertThat(ReadScope.of(district, this.tree.overLifetime()).covers("N")).isFalse();
		assertThat(ReadScope.of(kept, this.tree.overLifetime()).covers("C")).isFalse();
		assertThat(ReadScope.of(reviewer, this.tree.on(REFORM)).covers("N")).isTrue();
		assertThat(ReadScope.of(reviewer, this.tree.on(BEFORE)).covers("C")).isTrue();
		assertThat(ReadScope.of(reviewer, this.tree.overLifetime()).covers("X")).isFalse();
	}

	@Test
	void readsEachUnitOnceAndNotAtAllWhenItWasGiven() {
		this.tree.knowing(List.of(UNITS.get("P")));

		this.tree.on(BEFORE).pathOf("K");
		this.tree.on(REFORM).pathOf("K");
		this.tree.overLifetime().pathOf("C");

		assertThat(this.reads).containsExactlyInAnyOrder("K", "D", "C");
	}

	private static UnitDetails unit(String code, UnitKind kind, String parentCode, LocalDate from, LocalDate to,
			List<UnitDetails.ParentPeriod> history) {
		return new UnitDetails(code, "Đơn vị " + code, kind, parentCode, from, to, new UnitContacts(null, null, null),
				history, List.of(), List.of(), Map.of());
	}

}
