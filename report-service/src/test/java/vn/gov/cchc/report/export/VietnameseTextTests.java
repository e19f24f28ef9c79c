package vn.gov.cchc.report.export;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * How numbers, dates, recipients and file names are written, and what a report's parts
 * refuse.
 */
class VietnameseTextTests {

	@Test
	void groupsDigitsWithDotsAndSeparatesDecimalsWithAComma() {
		assertThat(VietnameseText.cell(1_500_000L)).isEqualTo("1.500.000");
		assertThat(VietnameseText.cell(24)).isEqualTo("24");
		assertThat(VietnameseText.cell(-1234)).isEqualTo("-1.234");
		assertThat(VietnameseText.cell(new BigDecimal("750000"))).isEqualTo("750.000");
		assertThat(VietnameseText.cell(new BigDecimal("1234.50"))).isEqualTo("1.234,5");
		assertThat(VietnameseText.cell(new BigDecimal("1.5E+3"))).isEqualTo("1.500");
		assertThat(VietnameseText.cell("HD07")).isEqualTo("HD07");
		assertThat(VietnameseText.cell(null)).isEmpty();
	}

	@Test
	void writesTheDateLineWithLeadingZerosOnlyForDaysBelowTenAndJanuaryAndFebruary() {
		assertThat(VietnameseText.dateLine("Bắc Ninh", LocalDate.of(2022, 6, 10)))
			.isEqualTo("Bắc Ninh, ngày 10 tháng 6 năm 2022");
		assertThat(VietnameseText.dateLine("Bắc Ninh", LocalDate.of(2022, 2, 5)))
			.isEqualTo("Bắc Ninh, ngày 05 tháng 02 năm 2022");
		assertThat(VietnameseText.dateLine("Từ Sơn", LocalDate.of(2022, 12, 31)))
			.isEqualTo("Từ Sơn, ngày 31 tháng 12 năm 2022");
		assertThat(VietnameseText.dateLine("Từ Sơn", LocalDate.of(2023, 3, 9)))
			.isEqualTo("Từ Sơn, ngày 09 tháng 3 năm 2023");
	}

	@Test
	void putsNamesInUpperCaseWithTheirDiacritics() {
		assertThat(VietnameseText.upper("Ủy ban nhân dân xã Tam Sơn")).isEqualTo("ỦY BAN NHÂN DÂN XÃ TAM SƠN");
		assertThat(VietnameseText.upper("KT. Giám đốc\nPhó Giám đốc")).isEqualTo("KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC");
	}

	@Test
	void listsRecipientsWithOneDashAndOneSemicolonAndTheArchiveLineLast() {
		assertThat(VietnameseText.recipientLines(List.of("Sở Nội vụ", "- UBND tỉnh;", "  Như trên. ", " ")))
			.containsExactly("- Sở Nội vụ;", "- UBND tỉnh;", "- Như trên;", "- Lưu: VT.");
		assertThat(VietnameseText.recipientLines(List.of())).containsExactly("- Lưu: VT.");
	}

	@Test
	void namesFilesInAsciiWithTheIssuerTheNumberAndTheDate() {
		ReportDocument tamSon = ExportFixtures.tamSon();

		assertThat(ExportFormat.DOCX.fileName(tamSon))
			.isEqualTo("bao-cao-uy-ban-nhan-dan-xa-tam-son-15-bc-ubnd-2022-06-10.docx");
		assertThat(ExportFormat.XLSX.fileName(ExportFixtures.provinceDepartment()))
			.isEqualTo("bao-cao-so-noi-vu-bc-snv-2022-02-05.xlsx");
		assertThat(ExportFormat.XLSX.mediaType())
			.isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		assertThat(ExportFormat.DOCX.mediaType())
			.isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
	}

	@Test
	void refusesRowsOfTheWrongLengthAndCellsOfOtherTypes() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new Table("Biểu", List.of("Hoạt động", "Số buổi"), List.of(ExportFixtures.row("HD07"))))
			.withMessageContaining("Row 1")
			.withMessageContaining("1 cells for 2 columns");
		assertThatIllegalArgumentException()
			.isThrownBy(
					() -> new Table("Biểu", List.of("Hoạt động", "Tỷ lệ"), List.of(ExportFixtures.row("HD07", 0.5))))
			.withMessageContaining("Cell 1/2")
			.withMessageContaining("java.lang.Double");
		assertThatIllegalArgumentException().isThrownBy(() -> new Table("Biểu", List.of(), List.of()));
	}

	@Test
	void keepsItsOwnCopiesOfTheRows() {
		List<Object> row = new ArrayList<>(List.of("HD07", 24));
		Table table = new Table("Biểu", List.of("Hoạt động", "Số buổi"), List.of(row));
		row.set(1, 25);

		assertThat(table.rows().get(0)).containsExactly("HD07", 24);
	}

	@Test
	void refusesADocumentWithoutNumberOrSigner() {
		ReportDocument tamSon = ExportFixtures.tamSon();
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ReportDocument(null, tamSon.issuerName(), " ", tamSon.place(), tamSon.date(),
					tamSon.title(), tamSon.subtitle(), List.of(), List.of(), List.of(), tamSon.signerTitle(), null))
			.withMessageContaining("number");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ReportDocument(null, tamSon.issuerName(), tamSon.number(), tamSon.place(),
					tamSon.date(), tamSon.title(), tamSon.subtitle(), List.of(), List.of(), List.of(), "", null))
			.withMessageContaining("signerTitle");
	}

}
