package vn.gov.cchc.plan.unit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import vn.gov.cchc.events.UnitContacts;
import vn.gov.cchc.events.UnitDetails;
import vn.gov.cchc.events.UnitKind;
import vn.gov.cchc.web.FieldError;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

/**
 * Which rows of an import are accepted: each on its own, against the rest of the file and
 * against the registered tree, with refusals cascading to the rows that depend on them.
 * The registered units and the published events are stand-ins here; the integration tests
 * run the same import against Kafka and MongoDB.
 */
class UnitImportTests {

	private static final LocalDate FROM = LocalDate.of(1997, 1, 1);

	private static final String HEADER = "code,name,kind,parentCode,validFrom,groups\n";

	private final Units units = mock(Units.class);

	private final UnitEventPublisher events = mock(UnitEventPublisher.class);

	private final UnitImport unitImport = new UnitImport(this.units, new UnitRegistration(this.units, this.events));

	private final Map<String, UnitDetails> registered = Map.of("27",
			new UnitDetails("27", "Tỉnh Bắc Ninh", UnitKind.PROVINCE, null, FROM, null,
					new UnitContacts(null, null, null)),
			"256", new UnitDetails("256", "Thành phố Bắc Ninh", UnitKind.DISTRICT, "27", FROM, null,
					new UnitContacts(null, null, null)));

	@BeforeEach
	@SuppressWarnings("unchecked")
	void registeredTree() {
		given(this.units.findAll(anyCollection()))
			.willAnswer((call) -> ((Collection<String>) call.getArgument(0)).stream()
				.filter(this.registered::containsKey)
				.collect(Collectors.toMap(Function.identity(), this.registered::get)));
		given(this.units.find(anyString()))
			.willAnswer((call) -> Optional.ofNullable(this.registered.get(call.getArgument(0, String.class))));
		given(this.events.now()).willReturn(Instant.parse("2026-01-01T00:00:00Z"));
	}

	@Test
	void acceptsEveryGoodRowAndReportsEveryBadOneWithItsColumn() {
		ImportResult result = importCsv(HEADER //
				+ "09190,Phường Vũ Ninh,COMMUNE,256,1997-01-01,commune-radio-stations=1\n" // 2
				+ "09193,,COMMUNE,256,1997-01-01,\n" // 3: no name
				+ "09194,Phường Kinh Bắc,VILLAGE,256,1997-01-01,\n" // 4: no such kind
				+ "09195,Phường Suối Hoa,COMMUNE,256,1997-13-01,\n" // 5: no such day
				+ "09196,Phường Tiền An,COMMUNE,999,1997-01-01,\n" // 6: parent nowhere
				+ "258,Huyện Yên Phong,DISTRICT,27,1997-01-01,\n" // 7
				+ "07360,Xã Đông Phong,COMMUNE,258,1997-01-01,\n" // 8: parent on row 7
				+ "256,Thành phố Bắc Ninh,COMMUNE,27,1997-01-01,\n"); // 9: kind of a
																		// known code

		assertThat(result.registered()).isEqualTo(3);
		assertThat(result.rejected()).extracting(ImportResult.RejectedRow::row).containsExactly(3, 4, 5, 6, 9);
		assertThat(fieldsOfRow(result, 3)).containsExactly("name");
		assertThat(fieldsOfRow(result, 4)).containsExactly("kind");
		assertThat(fieldsOfRow(result, 5)).containsExactly("validFrom");
		assertThat(fieldsOfRow(result, 6)).containsExactly("parentCode");
		assertThat(fieldsOfRow(result, 9)).containsExactly("kind");
		assertThat(published()).extracting(UnitDetails::code).containsExactlyInAnyOrder("09190", "258", "07360");
	}

	@Test
	void refusesTheChildrenOfARefusedRowDownTheTree() {
		ImportResult result = importCsv(HEADER //
				+ "07360,Xã Đông Phong,COMMUNE,258,1997-01-01,\n" // 2: child, before its
																	// parent
				+ "258,Huyện Yên Phong,DISTRICT,27,1997-01-01,commune-radio-stations=-1\n" // 3
				+ "07361,Xã Tam Giang,COMMUNE,258,1997-01-01,\n"); // 4

		assertThat(result.registered()).isZero();
		assertThat(result.rejected()).extracting(ImportResult.RejectedRow::row).containsExactly(2, 3, 4);
		assertThat(result.rejected().get(0).errors()).singleElement()
			.satisfies((error) -> assertThat(error).isEqualTo(
					new FieldError("parentCode", "Đơn vị mã 258 bị từ chối ở dòng 3 và chưa được đăng ký trước đó.")));
		verify(this.events, never()).states(any(), any(), any());
	}

	@Test
	void keepsTheChildOfARefusedRowWhoseUnitIsRegisteredAlready() {
		ImportResult result = importCsv(HEADER //
				+ "256,Thành phố Bắc Ninh,DISTRICT,27,1997-01-01,Radio=1\n" // 2: refused
																			// change
				+ "09190,Phường Vũ Ninh,COMMUNE,256,1997-01-01,\n"); // 3

		assertThat(result.rejected()).extracting(ImportResult.RejectedRow::row).containsExactly(2);
		assertThat(result.registered()).isEqualTo(1);
	}

	@Test
	void refusesEveryRowOfACodeThatAppearsTwice() {
		ImportResult result = importCsv(HEADER //
				+ "09190,Phường Vũ Ninh,COMMUNE,256,1997-01-01,\n" // 2
				+ "09190,Phường Vũ Ninh mới,COMMUNE,256,1997-01-01,\n" // 3
				+ "09193,Phường Đáp Cầu,COMMUNE,256,1997-01-01,\n"); // 4

		assertThat(result.rejected()).extracting(ImportResult.RejectedRow::row).containsExactly(2, 3);
		assertThat(fieldsOfRow(result, 2)).containsExactly("code");
		assertThat(result.registered()).isEqualTo(1);
	}

	@Test
	void countsAKnownUnitSentInItsStateAsUnchangedAndPublishesNothingForIt() {
		ImportResult result = importCsv(HEADER + "27,Tỉnh Bắc Ninh,PROVINCE,,1997-01-01,\n"
				+ "256,Thành phố Bắc Ninh,DISTRICT,27,1997-01-01,commune-radio-stations=19\n");

		assertThat(result.unchanged()).isEqualTo(1);
		assertThat(result.changed()).isEqualTo(1);
		assertThat(published()).singleElement()
			.satisfies((changed) -> assertThat(changed.groups()).containsEntry("commune-radio-stations", 19));
		assertThat(result.rejected()).isEmpty();
	}

	@Test
	void refusesRowsThatMakeACycle() {
		ImportResult result = importCsv(HEADER + "A1,Đơn vị A,OFFICE,B1,1997-01-01,\n"
				+ "B1,Đơn vị B,OFFICE,A1,1997-01-01,\n" + "C1,Đơn vị C,OFFICE,27,1997-01-01,\n");

		assertThat(result.rejected()).extracting(ImportResult.RejectedRow::row).containsExactly(2, 3);
		assertThat(result.registered()).isEqualTo(1);
	}

	/** The states handed to the publisher, in one batch. */
	@SuppressWarnings("unchecked")
	private List<UnitDetails> published() {
		ArgumentCaptor<List<UnitDetails>> states = ArgumentCaptor.forClass(List.class);
		verify(this.events).states(states.capture(), any(), any());
		return states.getValue();
	}

	private ImportResult importCsv(String csv) {
		return this.unitImport.importRows(UnitCsv.read(csv.getBytes(StandardCharsets.UTF_8)), UnitCsv::toColumn);
	}

	private static List<String> fieldsOfRow(ImportResult result, int row) {
		return result.rejected()
			.stream()
			.filter((rejected) -> rejected.row() == row)
			.findFirst()
			.orElseThrow()
			.errors()
			.stream()
			.map(FieldError::field)
			.toList();
	}

}
