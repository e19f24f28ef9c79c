package vn.gov.cchc.notification.email;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import vn.gov.cchc.events.PeriodType;
import vn.gov.cchc.notification.reminder.DigestItem;
import vn.gov.cchc.notification.reminder.ReminderKind;

/**
 * The phrases that the subject and both bodies share, so that the text and the HTML
 * template of a language cannot word a deadline differently. The sentences around them
 * are in the templates.
 */
enum Wording {

	VI("vi") {

		@Override
		String report(PeriodType type) {
			return switch (type) {
				case MONTH -> "Báo cáo tháng";
				case QUARTER -> "Báo cáo quý";
				case HALF_YEAR -> "Báo cáo 6 tháng";
				case NINE_MONTHS -> "Báo cáo 9 tháng";
				case YEAR -> "Báo cáo năm";
			};
		}

		@Override
		String status(DigestItem item) {
			return switch (item.kind()) {
				case BEFORE -> "còn " + item.daysToDue() + " ngày";
				case DUE_TODAY -> "hạn hôm nay";
				case OVERDUE, ESCALATION -> "quá hạn " + Math.abs(item.daysToDue()) + " ngày";
			};
		}

		@Override
		String ownSubject(List<DigestItem> items) {
			DigestItem first = items.get(0);
			if (items.size() == 1) {
				String lead = (first.kind() == ReminderKind.OVERDUE) ? "Báo cáo quá hạn" : "Nhắc hạn nộp báo cáo";
				return "[CCHC] " + lead + ": " + first.periodId() + " hạn " + date(first);
			}
			long late = overdue(items);
			if (late > 0) {
				return "[CCHC] " + items.size() + " báo cáo cần nộp, " + late + " báo cáo đã quá hạn";
			}
			return "[CCHC] " + items.size() + " báo cáo sắp đến hạn, gần nhất " + date(first);
		}

		@Override
		String escalationSubject(List<String> lateUnits) {
			if (lateUnits.size() == 1) {
				return "[CCHC] Đơn vị chưa nộp báo cáo đúng hạn: " + lateUnits.get(0);
			}
			String named = String.join(", ", lateUnits.subList(0, Math.min(NAMED_UNITS, lateUnits.size())));
			String more = (lateUnits.size() > NAMED_UNITS) ? " và " + (lateUnits.size() - NAMED_UNITS) + " đơn vị khác"
					: "";
			return "[CCHC] " + lateUnits.size() + " đơn vị chưa nộp báo cáo đúng hạn: " + named + more;
		}

	},

	EN("en") {

		@Override
		String report(PeriodType type) {
			return switch (type) {
				case MONTH -> "Monthly report";
				case QUARTER -> "Quarterly report";
				case HALF_YEAR -> "Half-year report";
				case NINE_MONTHS -> "Nine-month report";
				case YEAR -> "Annual report";
			};
		}

		@Override
		String status(DigestItem item) {
			return switch (item.kind()) {
				case BEFORE -> days(item.daysToDue()) + " left";
				case DUE_TODAY -> "due today";
				case OVERDUE, ESCALATION -> days(Math.abs(item.daysToDue())) + " overdue";
			};
		}

		@Override
		String ownSubject(List<DigestItem> items) {
			DigestItem first = items.get(0);
			if (items.size() == 1) {
				String lead = (first.kind() == ReminderKind.OVERDUE) ? "Overdue report" : "Report reminder";
				return "[CCHC] " + lead + ": " + first.periodId() + " due " + date(first);
			}
			long late = overdue(items);
			if (late > 0) {
				return "[CCHC] " + items.size() + " reports to submit, " + late + " overdue";
			}
			return "[CCHC] " + items.size() + " reports due soon, earliest " + date(first);
		}

		@Override
		String escalationSubject(List<String> lateUnits) {
			if (lateUnits.size() == 1) {
				return "[CCHC] Unit late with its report: " + lateUnits.get(0);
			}
			String named = String.join(", ", lateUnits.subList(0, Math.min(NAMED_UNITS, lateUnits.size())));
			String more = (lateUnits.size() > NAMED_UNITS) ? " and " + (lateUnits.size() - NAMED_UNITS) + " more" : "";
			return "[CCHC] " + lateUnits.size() + " units late with their reports: " + named + more;
		}

		private static String days(long days) {
			return days + ((days == 1) ? " day" : " days");
		}

	};

	/** Vietnamese style, as on official documents. */
	static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	/** How many late units a subject names before it only counts the rest. */
	private static final int NAMED_UNITS = 3;

	private final String language;

	Wording(String language) {
		this.language = language;
	}

	/** English when asked for, Vietnamese otherwise: the units' own language. */
	static Wording of(Locale locale) {
		return EN.language.equals(locale.getLanguage()) ? EN : VI;
	}

	/** The language code, which names the templates. */
	String language() {
		return this.language;
	}

	/** What the report of a period type is called. */
	abstract String report(PeriodType type);

	/** Where the report stands against its due date. */
	abstract String status(DigestItem item);

	/** The subject of a digest of the unit's own reports, in due-date order. */
	abstract String ownSubject(List<DigestItem> items);

	/** The subject of a digest that only names late units below the recipient. */
	abstract String escalationSubject(List<String> lateUnits);

	static String date(DigestItem item) {
		return DATE.format(item.dueDate());
	}

	private static long overdue(List<DigestItem> items) {
		return items.stream().filter((item) -> item.kind() == ReminderKind.OVERDUE).count();
	}

}
