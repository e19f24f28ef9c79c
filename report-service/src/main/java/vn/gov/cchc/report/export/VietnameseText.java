package vn.gov.cchc.report.export;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * How Vietnamese administrative documents write numbers, dates and names.
 */
public final class VietnameseText {

	static final Locale VIETNAMESE = Locale.forLanguageTag("vi-VN");

	private VietnameseText() {
	}

	/**
	 * A figure as printed: {@code 1500000} as {@code "1.500.000"}, {@code 12.5} as
	 * {@code "12,5"}. The symbols are fixed rather than taken from the JDK's locale data,
	 * whose Vietnamese symbols have changed between JDK releases.
	 * @param cell a table cell
	 * @return its text, empty for a blank cell
	 */
	public static String cell(@Nullable Object cell) {
		if (cell == null) {
			return "";
		}
		if (cell instanceof String text) {
			return text;
		}
		DecimalFormatSymbols symbols = new DecimalFormatSymbols(Locale.ROOT);
		symbols.setGroupingSeparator('.');
		symbols.setDecimalSeparator(',');
		symbols.setMinusSign('-');
		DecimalFormat format = new DecimalFormat("#,##0", symbols);
		if (cell instanceof BigDecimal decimal) {
			format.setMaximumFractionDigits(Math.max(decimal.stripTrailingZeros().scale(), 0));
		}
		return format.format(cell);
	}

	/**
	 * The date line of Decree 30/2020/NĐ-CP, such as
	 * {@code "Bắc Ninh, ngày 10 tháng 6 năm 2022"}. The decree writes a day below 10 and
	 * the months January and February with a leading zero ({@code "ngày 05 tháng 02"}),
	 * so that no digit can be added to them by hand afterwards.
	 * @param place the place name
	 * @param date the date
	 * @return the date line
	 */
	static String dateLine(String place, LocalDate date) {
		String day = (date.getDayOfMonth() < 10) ? "0" + date.getDayOfMonth() : String.valueOf(date.getDayOfMonth());
		String month = (date.getMonthValue() < 3) ? "0" + date.getMonthValue() : String.valueOf(date.getMonthValue());
		return place + ", ngày " + day + " tháng " + month + " năm " + date.getYear();
	}

	/**
	 * Upper case with the Vietnamese rules, {@code "Xã Tam Sơn"} as {@code "XÃ TAM SƠN"}.
	 */
	public static String upper(String text) {
		return text.toUpperCase(VIETNAMESE);
	}

	/**
	 * A lower-case ASCII slug for file names: diacritics dropped ({@code đ} as
	 * {@code d}), every run of other characters one hyphen.
	 */
	static String slug(String text) {
		String decomposed = Normalizer.normalize(text.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD);
		String ascii = decomposed.replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT);
		String slug = ascii.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
		return slug.isEmpty() ? "bao-cao" : slug;
	}

	/**
	 * The lines of "Nơi nhận": each recipient as {@code "- Sở Nội vụ;"} (a dash or a
	 * trailing punctuation given with the name is not doubled) and the archive line
	 * {@code "- Lưu: VT."} last.
	 */
	static List<String> recipientLines(List<String> recipients) {
		List<String> lines = new ArrayList<>(recipients.size() + 1);
		for (String recipient : recipients) {
			String name = recipient.strip().replaceFirst("^[-–+]\\s*", "").replaceFirst("[;,.]+$", "").strip();
			if (!name.isEmpty()) {
				lines.add("- " + name + ";");
			}
		}
		lines.add("- Lưu: VT.");
		return lines;
	}

}
