package vn.gov.cchc.report.export;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A report ready to be exported: the parts of an administrative document in the layout of
 * Decree 30/2020/NĐ-CP, filled in by whoever assembles the report. Names are given as
 * they are spoken; the exporters put them in upper case where the decree wants it.
 *
 * @param superiorName the governing body (cơ quan chủ quản), such as
 * {@code "UBND tỉnh Bắc Ninh"}; {@code null} for a body that has none on its documents,
 * such as a commune's people's committee
 * @param issuerName the issuing body, such as {@code "Sở Nội vụ"} or
 * {@code "Ủy ban nhân dân xã Tam Sơn"}; a line break may split a long name
 * @param number the document number, such as {@code "15/BC-UBND"}, or {@code "…/BC-UBND"}
 * before the clerk numbers it
 * @param place the place name of the date line, such as {@code "Bắc Ninh"}
 * @param date the date of the document
 * @param title the kind of document, {@code "BÁO CÁO"}
 * @param subtitle what the report is about (trích yếu), such as
 * {@code "Kết quả công tác tuyên truyền cải cách hành chính 6 tháng đầu năm 2022"}
 * @param sections the narrative, in order
 * @param tables the tables of figures, in order
 * @param recipients where the report goes (nơi nhận), without the archive line
 * {@code "Lưu: VT."} that every document ends with and that the exporters add
 * @param signerTitle the signer's authority and title, such as {@code "Chủ tịch"} or
 * {@code "KT. Giám đốc\nPhó Giám đốc"} (a line break between the two lines)
 * @param signerName the signer's name, or {@code null} to leave it to be written by hand
 */
public record ReportDocument(@Nullable String superiorName, String issuerName, String number, String place,
		LocalDate date, String title, String subtitle, List<Section> sections, List<Table> tables,
		List<String> recipients, String signerTitle, @Nullable String signerName) {

	public ReportDocument {
		requireText(issuerName, "issuerName");
		requireText(number, "number");
		requireText(place, "place");
		requireText(title, "title");
		requireText(signerTitle, "signerTitle");
		sections = List.copyOf(sections);
		tables = List.copyOf(tables);
		recipients = List.copyOf(recipients);
	}

	private static void requireText(String value, String name) {
		if (value.isBlank()) {
			throw new IllegalArgumentException("A report document needs a " + name);
		}
	}

}
