package vn.gov.cchc.plan.unit;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import vn.gov.cchc.events.UnitKind;
import vn.gov.cchc.web.FieldError;
import vn.gov.cchc.web.ProblemException;

import org.springframework.http.ProblemDetail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Reading units from CSV: RFC 4180 quoting, UTF-8 Vietnamese names, the header, and the
 * cells that cannot be read, named by their column.
 */
class UnitCsvTests {

	private static final String HEADER = "code,name,kind,parentCode,validFrom,validTo,contactPerson,email,phone,"
			+ "groups,predecessorCodes,successorCodes\r\n";

	@Test
	void readsQuotedCommasQuotesAndLineBreaksInVietnameseNames() {
		List<ImportRow> rows = UnitCsv.read(utf8(HEADER
				+ "09190,\"Phường Vũ Ninh, TP Bắc Ninh\",COMMUNE,256,1997-01-01,,\"Ngô Quang \"\"Dũng\"\"\","
				+ "pvuninh@bacninh.gov.vn,0912345605,commune-radio-stations=1;commune-post-offices=1,09187;09188,\r\n"
				+ "27,\"Tỉnh\nBắc Ninh\",province,,1997-01-01,,,,,,,\r\n"));

		assertThat(rows).hasSize(2);
		ImportRow commune = rows.get(0);
		assertThat(commune.row()).isEqualTo(2);
		assertThat(commune.errors()).isEmpty();
		UnitRequest unit = commune.request();
		assertThat(unit.name()).isEqualTo("Phường Vũ Ninh, TP Bắc Ninh");
		assertThat(unit.kind()).isEqualTo(UnitKind.COMMUNE);
		assertThat(unit.validFrom()).isEqualTo(LocalDate.of(1997, 1, 1));
		assertThat(unit.validTo()).isNull();
		assertThat(unit.contacts())
			.isEqualTo(new UnitRequest.Contacts("Ngô Quang \"Dũng\"", "pvuninh@bacninh.gov.vn", "0912345605"));
		assertThat(unit.groups()).isEqualTo(Map.of("commune-radio-stations", 1, "commune-post-offices", 1));
		assertThat(unit.predecessorCodes()).containsExactly("09187", "09188");
		assertThat(unit.successorCodes()).isNull();
		ImportRow province = rows.get(1);
		assertThat(province.row()).isEqualTo(3);
		assertThat(province.request().name()).isEqualTo("Tỉnh\nBắc Ninh");
		assertThat(province.request().kind()).isEqualTo(UnitKind.PROVINCE);
		assertThat(province.request().contacts()).isNull();
	}

	@Test
	void takesColumnsInAnyOrderAnyCaseWithAByteOrderMarkAndBareLineFeeds() {
		List<ImportRow> rows = UnitCsv.read(utf8("\uFEFFName,CODE,validfrom,Kind,parentHistory,parentCode\n"
				+ "Phường Đáp Cầu,09193,1997-01-01,COMMUNE,256=1997-01-01/2025-06-30,27\n\n,,,,,\n"));

		assertThat(rows).singleElement().satisfies((row) -> {
			assertThat(row.errors()).isEmpty();
			assertThat(row.code()).isEqualTo("09193");
			assertThat(row.request().name()).isEqualTo("Phường Đáp Cầu");
			assertThat(row.request().parentHistory()).containsExactly(
					new UnitRequest.ParentPeriod("256", LocalDate.of(1997, 1, 1), LocalDate.of(2025, 6, 30)));
		});
	}

	@Test
	void namesTheColumnOfEveryCellThatCannotBeRead() {
		List<ImportRow> rows = UnitCsv.read(utf8(
				HEADER + "09190,Phường Vũ Ninh,HAMLET,256,2025-02-30,01/07/2025,,,,commune-radio-stations=one;x,,\r\n"
						+ "09191,Phường Kinh Bắc,COMMUNE,256,1997-01-01\r\n"));

		assertThat(rows.get(0).errors()).extracting(FieldError::field)
			.containsExactlyInAnyOrder("kind", "validFrom", "validTo", "groups", "groups");
		assertThat(rows.get(0).errors()).first().satisfies((error) -> assertThat(error.message()).contains("HAMLET"));
		assertThat(rows.get(1).request()).isNull();
		assertThat(rows.get(1).errors()).extracting(FieldError::field).containsExactly("row");
	}

	@Test
	void reportsAStrayQuoteOnItsRowAndReadsOn() {
		List<ImportRow> rows = UnitCsv.read(utf8(HEADER + "09190,Phường \"Vũ\" Ninh,COMMUNE,256,1997-01-01,,,,,,,\r\n"
				+ "09191,Phường Kinh Bắc,COMMUNE,256,1997-01-01,,,,,,,\r\n"));

		assertThat(rows.get(0).errors()).extracting(FieldError::field).containsExactly("row");
		assertThat(rows.get(1).errors()).isEmpty();
	}

	@Test
	void refusesAFileThatIsNotUtf8() {
		byte[] latin1 = (HEADER + "09190,Phường,COMMUNE,256,1997-01-01,,,,,,,\r\n")
			.getBytes(StandardCharsets.ISO_8859_1);
		latin1[latin1.length - 20] = (byte) 0xC3;
		latin1[latin1.length - 19] = (byte) 0x28;

		ProblemDetail problem = problem(latin1);

		assertThat(problem.getStatus()).isEqualTo(400);
		assertThat(problem.getType().toString()).endsWith("/invalid-csv");
		assertThat(fields(problem)).containsExactly("body");
	}

	@Test
	void refusesAQuoteThatIsNeverClosed() {
		assertThat(fields(problem(utf8(HEADER + "09190,\"Phường Vũ Ninh,COMMUNE,256,1997-01-01,,,,,,,\r\n"))))
			.containsExactly("body");
	}

	@Test
	void refusesAHeaderWithUnknownRepeatedOrMissingColumns() {
		ProblemDetail problem = problem(utf8("code,ten,kind,kind\r\n09190,Phường Vũ Ninh,COMMUNE,COMMUNE\r\n"));

		assertThat(fields(problem)).containsExactly("header[1]", "header[3]", "header");
		assertThat(fields(problem(utf8("")))).containsExactly("header");
	}

	@Test
	void namesTheCsvColumnOfAValidatorError() {
		assertThat(UnitCsv.toColumn(new FieldError("contacts.email", "sai"))).isEqualTo(new FieldError("email", "sai"));
		assertThat(UnitCsv.toColumn(new FieldError("groups.Radio", "sai")))
			.isEqualTo(new FieldError("groups", "sai (groups.Radio)"));
		assertThat(UnitCsv.toColumn(new FieldError("parentHistory[0].to", "sai")))
			.isEqualTo(new FieldError("parentHistory", "sai (parentHistory[0].to)"));
		assertThat(UnitCsv.toColumn(new FieldError("name", "sai"))).isEqualTo(new FieldError("name", "sai"));
	}

	private static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static ProblemDetail problem(byte[] body) {
		ProblemException ex = catchThrowableOfType(ProblemException.class, () -> UnitCsv.read(body));
		assertThat(ex).as("a problem").isNotNull();
		return ex.getProblem();
	}

	@SuppressWarnings("unchecked")
	private static List<String> fields(ProblemDetail problem) {
		return ((List<FieldError>) problem.getProperties().get("errors")).stream().map(FieldError::field).toList();
	}

}
