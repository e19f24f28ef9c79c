package vn.gov.cchc.report.unit;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import vn.gov.cchc.events.DatedUnitTree;
import vn.gov.cchc.events.UnitContacts;
import vn.gov.cchc.events.UnitDetails;
import vn.gov.cchc.events.UnitKind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Here a path the walk could not finish is no path: it is refused naming the unit that is
 * not known yet, so that counting waits for it. The walk itself is tested once, in
 * event-contracts ({@code DatedUnitTreeTests}).
 */
class UnknownUnitExceptionTests {

	private static final LocalDate IN_2024 = LocalDate.of(2024, 5, 10);

	@Test
	void anUnknownAncestorIsReportedByCode() {
		DatedUnitTree<UnitDetails> orphan = DatedUnitTree
			.of(List.of(new UnitDetails("09247", "Đơn vị 09247", UnitKind.COMMUNE, "258", LocalDate.of(2008, 1, 1),
					null, new UnitContacts(null, null, null), List.of(), List.of(), List.of(), Map.of())));

		assertThatThrownBy(() -> UnknownUnitException.requireKnown(orphan.pathOn("09247", IN_2024)))
			.isInstanceOf(UnknownUnitException.class)
			.hasMessageContaining("258");
		assertThatThrownBy(() -> UnknownUnitException.requireKnown(orphan.pathOverLife("09247")))
			.isInstanceOf(UnknownUnitException.class)
			.hasMessageContaining("258");
		assertThatThrownBy(() -> UnknownUnitException.requireKnown(orphan.pathOn("99999", IN_2024)))
			.isInstanceOf(UnknownUnitException.class)
			.hasMessageContaining("99999");
	}

	@Test
	void aCompletePathIsItsUnits() {
		DatedUnitTree<UnitDetails> tree = DatedUnitTree.of(List.of(
				new UnitDetails("27", "Tỉnh Bắc Ninh", UnitKind.PROVINCE, null, LocalDate.of(1997, 1, 1), null,
						new UnitContacts(null, null, null)),
				new UnitDetails("09190", "Xã Vũ Ninh", UnitKind.COMMUNE, "27", LocalDate.of(1997, 1, 1), null,
						new UnitContacts(null, null, null))));

		assertThat(UnknownUnitException.requireKnown(tree.pathOn("09190", IN_2024))).containsExactly("09190", "27");
	}

}
