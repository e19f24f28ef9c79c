package vn.gov.cchc.report.indicator;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/** Dates as Vietnamese text writes them. */
final class Dates {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private Dates() {
	}

	/** {@code 07/06/2022}. */
	static String text(LocalDate day) {
		return DAY.format(day);
	}

}
