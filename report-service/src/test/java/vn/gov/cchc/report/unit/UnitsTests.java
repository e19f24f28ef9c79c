package vn.gov.cchc.report.unit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.mongodb.client.MongoDatabase;

import org.junit.jupiter.api.AfterEach;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.gov.cchc.events.UnitContacts;
import vn.gov.cchc.events.UnitDetails;
import vn.gov.cchc.events.UnitKind;
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

	private static UnitDetails vuNinh(String name, LocalDate validTo) {
		return new UnitDetails("09190", name, UnitKind.COMMUNE, "256", LocalDate.of(2008, 1, 1), validTo,
				new UnitContacts("Trần Văn Minh", "vuninh@bacninh.gov.vn", "0912345678"));
	}

}
