package vn.gov.cchc.report.unit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.mongodb.client.MongoDatabase;

import org.junit.jupiter.api.AfterEach;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.gov.cchc.events.UnitContacts;
import vn.gov.cchc.events.UnitDetails;
import vn.gov.cchc.events.UnitKind;
import vn.gov.cchc.security.Caller;
import vn.gov.cchc.security.ReadScope;
import vn.gov.cchc.security.Role;
import vn.gov.cchc.testing.MongoTestStore;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The units projection keeps the newest state per code, whatever order the events come
 * in.
 */
class UnitsTests {

	private static final Instant REGISTERED = Instant.parse("2025-01-02T01:00:00Z");

	private MongoDatabase database;

	private Units units;

	@BeforeEach
	void freshStore() {
		this.database = MongoTestStore.freshDatabase("units");
		this.units = new Units(this.database);
	}

	@AfterEach
	void dropStore() {
		this.database.drop();
	}

	@Test
	void storesAllFieldsOfARegisteredUnit() {
		UnitDetails unit = new UnitDetails("09190", "Phường Vũ Ninh", UnitKind.COMMUNE, "256", LocalDate.of(2008, 1, 1),
				LocalDate.of(2025, 6, 30), new UnitContacts("Trần Văn Minh", "vuninh@bacninh.gov.vn", "0912345678"),
				List.of(new UnitDetails.ParentPeriod("27", LocalDate.of(2008, 1, 1), LocalDate.of(2009, 12, 31))),
				List.of("09187"), List.of("33001"), Map.of("commune-radio-stations", 1));
		assertThat(this.units.record(unit, REGISTERED)).isTrue();

		assertThat(this.units.find("09190")).contains(unit);
		assertThat(this.units.find("09193")).isEmpty();
	}

	@Test
	void appliesANewerStateAndIgnoresAnOlderOne() {
		this.units.record(vuNinh("Phường Vũ Ninh", null), REGISTERED);

		assertThat(this.units.record(vuNinh("Phường Vũ Ninh", LocalDate.of(2025, 6, 30)), REGISTERED.plusSeconds(60)))
			.isTrue();
		assertThat(this.units.record(vuNinh("Tên đã cũ", null), REGISTERED.plusSeconds(30))).isFalse();

		assertThat(this.units.find("09190")).get().satisfies((unit) -> {
			assertThat(unit.name()).isEqualTo("Phường Vũ Ninh");
			assertThat(unit.validTo()).isEqualTo(LocalDate.of(2025, 6, 30));
		});
	}

	@Test
	void reappliesAStateOfTheSameTimeSoARedeliveryIsHarmless() {
		UnitDetails unit = vuNinh("Phường Vũ Ninh", null);
		assertThat(this.units.record(unit, REGISTERED)).isTrue();
		assertThat(this.units.record(unit, REGISTERED)).isTrue();

		assertThat(this.database.getCollection("units").countDocuments()).isEqualTo(1);
	}

	@Test
	void pathsForAReadingScopeFollowTheTreeOfTheDayOrTheWholeLifeAndKnowNoUnknownUnit() {
		LocalDate lastDistrictDay = LocalDate.of(2025, 6, 30);
		this.units.record(new UnitDetails("27", "Tỉnh Bắc Ninh", UnitKind.PROVINCE, null, LocalDate.of(1997, 1, 1),
				null, new UnitContacts(null, null, null)), REGISTERED);
		this.units.record(new UnitDetails("256", "Thành phố Bắc Ninh", UnitKind.DISTRICT, "27",
				LocalDate.of(2006, 1, 26), lastDistrictDay, new UnitContacts(null, null, null)), REGISTERED);
		this.units.record(new UnitDetails("09196", "Phường Hạp Lĩnh", UnitKind.COMMUNE, "27", LocalDate.of(2008, 1, 1),
				null, new UnitContacts(null, null, null),
				List.of(new UnitDetails.ParentPeriod("256", LocalDate.of(2008, 1, 1), lastDistrictDay)), List.of(),
				List.of(), Map.of()), REGISTERED);
		this.units.record(new UnitDetails("09999", "Xã chưa rõ huyện", UnitKind.COMMUNE, "999",
				LocalDate.of(2008, 1, 1), null, new UnitContacts(null, null, null)), REGISTERED);
		Caller district = new Caller("officer-256", "officer-256", "256", Set.of(Role.OFFICER));

		assertThat(this.units.pathsOn(LocalDate.of(2024, 5, 10)).pathOf("09196")).containsExactly("09196", "256", "27");
		assertThat(this.units.pathsOn(LocalDate.of(2026, 3, 2)).pathOf("09196")).containsExactly("09196", "27");
		assertThat(this.units.pathsEver().pathOf("09196")).containsExactly("09196", "256", "27");
		assertThat(ReadScope.of(district, this.units.pathsOn(LocalDate.of(2024, 5, 10))).covers("09196")).isTrue();
		assertThat(ReadScope.of(district, this.units.pathsOn(LocalDate.of(2026, 3, 2))).covers("09196")).isFalse();
		assertThat(ReadScope.of(district, this.units.pathsEver()).covers("09196")).isTrue();
		assertThat(this.units.pathsEver().pathOf("KHONG-CO")).isEmpty();
		// An ancestor not known yet leaves the unit out of every scope until it arrives.
		assertThat(this.units.pathsEver().pathOf("09999")).isEmpty();
		assertThat(this.units.pathsOn(LocalDate.of(2024, 5, 10)).pathOf("09999")).isEmpty();
	}

	private static UnitDetails vuNinh(String name, LocalDate validTo) {
		return new UnitDetails("09190", name, UnitKind.COMMUNE, "256", LocalDate.of(2008, 1, 1), validTo,
				new UnitContacts("Trần Văn Minh", "vuninh@bacninh.gov.vn", "0912345678"));
	}

}
