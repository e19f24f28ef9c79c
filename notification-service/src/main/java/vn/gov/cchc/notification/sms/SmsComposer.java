package vn.gov.cchc.notification.sms;

import java.time.format.DateTimeFormatter;
import java.util.List;

import vn.gov.cchc.notification.reminder.Digest;
import vn.gov.cchc.notification.reminder.DigestItem;
import vn.gov.cchc.notification.reminder.ReminderKind;

/**
 * The text of a digest as one SMS: a short sentence for one report, a compact list for
 * several, then the link to the unit's dashboard page. Vietnamese, or English when the
 * digest's language is English; without diacritics and in the GSM-7 alphabet unless
 * diacritics are kept.
 * <p>
 * The text never takes more than the configured number of segments: reports are dropped
 * from the end of the list and counted instead ({@code +3 bao cao khac}); if not even one
 * fits, only the number of reports is given; if that (or a single report) still does not
 * fit, the text before the link is cut short and ends in {@code ...}.
 */
public class SmsComposer {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu");

	private static final String ELLIPSIS = "...";

	private final boolean keepDiacritics;

	private final int maxSegments;

	/**
	 * @param keepDiacritics whether the text keeps its Vietnamese diacritics (and is sent
	 * as UCS-2, 70 characters a segment, instead of GSM-7, 160)
	 * @param maxSegments the most segments a message may take, at least one
	 */
	public SmsComposer(boolean keepDiacritics, int maxSegments) {
		if (maxSegments < 1) {
			throw new IllegalArgumentException("A message takes at least one segment, not " + maxSegments);
		}
		this.keepDiacritics = keepDiacritics;
		this.maxSegments = maxSegments;
	}

	/** The SMS for the digest, within the configured number of segments. */
	public SmsMessage compose(Digest digest) {
		Wording wording = "en".equals(digest.language().getLanguage()) ? Wording.ENGLISH : Wording.VIETNAMESE;
		String tail = finish(" " + wording.details + " " + digest.dashboard());
		List<DigestItem> items = digest.items();
		String body = "";
		int fewest = (items.size() == 1) ? 1 : 0;
		for (int shown = items.size(); shown >= fewest; shown--) {
			body = finish(body(wording, digest, shown));
			SmsMessage message = SmsMessage.of(body + tail);
			if (message.segments() <= this.maxSegments) {
				return message;
			}
		}
		return shortened(body, tail);
	}

	private String body(Wording wording, Digest digest, int shown) {
		List<DigestItem> items = digest.items();
		if (items.size() == 1) {
			return "CCHC: " + wording.sentence(items.get(0));
		}
		if (shown == 0) {
			return "CCHC: " + wording.heading(digest) + ".";
		}
		StringBuilder body = new StringBuilder("CCHC: ").append(wording.heading(digest)).append(": ");
		for (int i = 0; i < shown; i++) {
			body.append((i > 0) ? "; " : "").append(wording.entry(items.get(i)));
		}
		int dropped = items.size() - shown;
		if (dropped > 0) {
			body.append("; ").append(wording.more(dropped));
		}
		return body.append('.').toString();
	}

	/**
	 * The body cut as short as it must be for it and the link to fit; when the link alone
	 * does not fit, the whole text cut.
	 */
	private SmsMessage shortened(String body, String tail) {
		for (int length = body.length(); length >= 0; length--) {
			if (length > 0 && Character.isHighSurrogate(body.charAt(length - 1))) {
				continue;
			}
			SmsMessage message = SmsMessage.of(body.substring(0, length).stripTrailing() + ELLIPSIS + tail);
			if (message.segments() <= this.maxSegments) {
				return message;
			}
		}
		String whole = body + tail;
		for (int length = whole.length(); length > 0; length--) {
			if (Character.isHighSurrogate(whole.charAt(length - 1))) {
				continue;
			}
			SmsMessage message = SmsMessage.of(whole.substring(0, length) + ELLIPSIS);
			if (message.segments() <= this.maxSegments) {
				return message;
			}
		}
		return SmsMessage.of(ELLIPSIS);
	}

	private String finish(String text) {
		return this.keepDiacritics ? text : SmsText.toGsm7(text);
	}

	private static long days(DigestItem item) {
		return Math.abs(item.daysToDue());
	}

	private static String dayCount(DigestItem item) {
		return (days(item) == 1) ? "1 day" : days(item) + " days";
	}

	private static String date(DigestItem item) {
		return DATE.format(item.dueDate());
	}

	/** How a digest is put in words in one language. */
	private enum Wording {

		VIETNAMESE("Chi tiết:") {

			@Override
			String sentence(DigestItem item) {
				return switch (item.kind()) {
					case BEFORE -> "%s còn %d ngày nộp báo cáo %s (hạn %s).".formatted(item.unitName(), days(item),
							item.periodId(), date(item));
					case DUE_TODAY -> "%s: hôm nay (%s) là hạn nộp báo cáo %s.".formatted(item.unitName(), date(item),
							item.periodId());
					case OVERDUE -> "%s đã quá hạn %d ngày nộp báo cáo %s (hạn %s), đề nghị nộp ngay."
						.formatted(item.unitName(), days(item), item.periodId(), date(item));
					case ESCALATION -> "%s chưa nộp báo cáo %s, quá hạn %d ngày (hạn %s).".formatted(item.unitName(),
							item.periodId(), days(item), date(item));
				};
			}

			@Override
			String heading(Digest digest) {
				int count = digest.items().size();
				return switch (kinds(digest)) {
					case OWN -> "%s có %d báo cáo cần nộp".formatted(digest.recipient().unitName(), count);
					case ESCALATED -> "Đơn vị trực thuộc chưa nộp %d báo cáo".formatted(count);
					case MIXED -> "%s có %d báo cáo cần theo dõi".formatted(digest.recipient().unitName(), count);
				};
			}

			@Override
			String entry(DigestItem item) {
				return switch (item.kind()) {
					case BEFORE -> "%s còn %d ngày (hạn %s)".formatted(item.periodId(), days(item), date(item));
					case DUE_TODAY -> "%s hạn hôm nay".formatted(item.periodId());
					case OVERDUE -> "%s quá hạn %d ngày".formatted(item.periodId(), days(item));
					case ESCALATION -> "%s %s quá hạn %d ngày".formatted(item.unitName(), item.periodId(), days(item));
				};
			}

			@Override
			String more(int count) {
				return "+%d báo cáo khác".formatted(count);
			}

		},

		ENGLISH("Details:") {

			@Override
			String sentence(DigestItem item) {
				return switch (item.kind()) {
					case BEFORE -> "%s has %s left to submit report %s (due %s).".formatted(item.unitName(),
							dayCount(item), item.periodId(), date(item));
					case DUE_TODAY ->
						"%s: report %s is due today (%s).".formatted(item.unitName(), item.periodId(), date(item));
					case OVERDUE -> "%s is %s late with report %s (due %s), please submit it now."
						.formatted(item.unitName(), dayCount(item), item.periodId(), date(item));
					case ESCALATION -> "%s has not submitted report %s, %s overdue (due %s).".formatted(item.unitName(),
							item.periodId(), dayCount(item), date(item));
				};
			}

			@Override
			String heading(Digest digest) {
				int count = digest.items().size();
				return switch (kinds(digest)) {
					case OWN -> "%s has %d reports due".formatted(digest.recipient().unitName(), count);
					case ESCALATED -> "Units under you have not submitted %d reports".formatted(count);
					case MIXED -> "%s has %d reports to follow up".formatted(digest.recipient().unitName(), count);
				};
			}

			@Override
			String entry(DigestItem item) {
				return switch (item.kind()) {
					case BEFORE -> "%s %s left (due %s)".formatted(item.periodId(), dayCount(item), date(item));
					case DUE_TODAY -> "%s due today".formatted(item.periodId());
					case OVERDUE -> "%s %s overdue".formatted(item.periodId(), dayCount(item));
					case ESCALATION -> "%s %s %s overdue".formatted(item.unitName(), item.periodId(), dayCount(item));
				};
			}

			@Override
			String more(int count) {
				return (count == 1) ? "+1 more report" : "+%d more reports".formatted(count);
			}

		};

		final String details;

		Wording(String details) {
			this.details = details;
		}

		/** One report in a full sentence. */
		abstract String sentence(DigestItem item);

		/** What the list of several reports is about. */
		abstract String heading(Digest digest);

		/** One report in a list. */
		abstract String entry(DigestItem item);

		/** The reports left out of the list. */
		abstract String more(int count);

		static Kinds kinds(Digest digest) {
			long escalated = digest.items().stream().filter((item) -> item.kind() == ReminderKind.ESCALATION).count();
			if (escalated == 0) {
				return Kinds.OWN;
			}
			return (escalated == digest.items().size()) ? Kinds.ESCALATED : Kinds.MIXED;
		}

	}

	/** Whose reports a digest lists. */
	private enum Kinds {

		/** The recipient's own. */
		OWN,

		/** Only late reports of units under the recipient. */
		ESCALATED,

		/** Both. */
		MIXED

	}

}
