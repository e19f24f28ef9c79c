package vn.gov.cchc.plan.ingest;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import vn.gov.cchc.plan.unit.UnitCodes;
import vn.gov.cchc.web.FieldError;
import vn.gov.cchc.web.ProblemException;
import vn.gov.cchc.web.Problems;

import org.springframework.stereotype.Component;

/**
 * The rules a progress report must keep on its own, before anything is looked up. Every
 * broken rule is reported at once, each naming its field by JSON path.
 *
 * <p>
 * Free text ({@code reporter}, {@code note}, {@code reason}) is bounded and refused when
 * it holds control characters (a note or reason may have line breaks and tabs), invisible
 * direction overrides or broken UTF-16; otherwise it is kept exactly as sent and only
 * ever handled as a string value, never as a query, markup or a key. A JSON object where
 * text is expected (such as {@code {"$gt": ""}}) never gets here: reading the body
 * refuses it as a value of the wrong type.
 */
@Component
class ProgressRequestValidator {

	static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

	static final LocalDate EARLIEST_DATE = LocalDate.of(2000, 1, 1);

	static final long MAX_QUANTITY = 1_000_000_000L;

	static final long MAX_BUDGET_VND = 10_000_000_000_000L;

	static final int MAX_EVIDENCE = 20;

	static final int MAX_URL_LENGTH = 2000;

	static final int MAX_REPORTER_LENGTH = 200;

	static final int MAX_NOTE_LENGTH = 2000;

	private static final int MAX_ID_LENGTH = 64;

	private static final Pattern EVENT_ID = Pattern.compile("^[A-Za-z0-9._:-]{8,64}$");

	/** The same names a plan gives its activities' metrics. */
	private static final Pattern METRIC = Pattern.compile("^[a-z][a-z0-9_]{0,39}$");

	private static final String REQUIRED = "Trường này là bắt buộc.";

	private static final String EVENT_ID_SHAPE = "Mã sự kiện gồm 8–64 ký tự: chữ cái không dấu, chữ số, dấu chấm, "
			+ "gạch dưới, hai chấm hoặc gạch ngang.";

	private static final String NOT_IN_RETRACTION = "Không dùng trường này khi rút lại báo cáo (retractsEventId).";

	private final Clock clock;

	ProgressRequestValidator(Clock clock) {
		this.clock = clock;
	}

	/**
	 * @return the report with defaults applied
	 * @throws ProblemException 400 naming every offending field
	 */
	ValidProgress validate(ProgressRequest request) {
		List<FieldError> errors = new ArrayList<>();
		ValidProgress.Kind kind = kind(request, errors);
		String eventId = eventId("eventId", request.eventId(), true, errors);
		String unitCode = request.unitCode();
		if (isBlank(unitCode)) {
			errors.add(new FieldError("unitCode", REQUIRED));
		}
		else if (!UnitCodes.isWellFormed(unitCode)) {
			errors.add(new FieldError("unitCode", UnitCodes.MALFORMED));
		}
		String reporter = text("reporter", request.reporter(), true, MAX_REPORTER_LENGTH, false, errors);
		String note = text("note", request.note(), false, MAX_NOTE_LENGTH, true, errors);
		String refersTo = null;
		if (kind == ValidProgress.Kind.CORRECTION) {
			refersTo = eventId("correctsEventId", request.correctsEventId(), true, errors);
		}
		else if (kind == ValidProgress.Kind.RETRACTION) {
			refersTo = eventId("retractsEventId", request.retractsEventId(), true, errors);
		}
		if (refersTo != null && refersTo.equals(eventId)) {
			errors.add(new FieldError((kind == ValidProgress.Kind.CORRECTION) ? "correctsEventId" : "retractsEventId",
					"Báo cáo không thể sửa hay rút lại chính nó; hãy dùng một mã sự kiện mới (eventId)."));
		}
		String reason = null;
		if (kind == ValidProgress.Kind.RETRACTION) {
			reason = text("reason", request.reason(), true, MAX_NOTE_LENGTH, true, errors);
		}
		else if (request.reason() != null) {
			errors.add(new FieldError("reason", "Lý do chỉ dùng khi rút lại báo cáo (retractsEventId)."));
		}
		if (kind == ValidProgress.Kind.RETRACTION) {
			return retraction(request, eventId, unitCode, reporter, note, refersTo, reason, errors);
		}
		String planId = id("planId", request.planId(), true, errors);
		String activityId = id("activityId", request.activityId(), true, errors);
		checkDate(request.date(), errors);
		TreeMap<String, Long> quantities = quantities(request.quantities(), errors);
		List<String> evidence = evidence(request.evidence(), errors);
		long budget = (request.budgetSpentVnd() != null) ? request.budgetSpentVnd() : 0L;
		if (budget < 0 || budget > MAX_BUDGET_VND) {
			errors.add(new FieldError("budgetSpentVnd",
					"Kinh phí là số nguyên đồng từ 0 đến 10.000.000.000.000 (mười nghìn tỷ)."));
		}
		if (!errors.isEmpty()) {
			throw new ProblemException(Problems.invalid(errors));
		}
		return new ValidProgress(kind, eventId, unitCode, planId, activityId, request.date(), quantities, evidence,
				budget, reporter, note, refersTo, null);
	}

	private ValidProgress retraction(ProgressRequest request, @Nullable String eventId, @Nullable String unitCode,
			@Nullable String reporter, @Nullable String note, @Nullable String refersTo, @Nullable String reason,
			List<FieldError> errors) {
		// A retraction carries no values of its own: values sent with it would suggest a
		// correction, so they are refused rather than silently dropped.
		refuse("date", request.date(), errors);
		refuse("quantities", request.quantities(), errors);
		refuse("evidence", request.evidence(), errors);
		refuse("budgetSpentVnd", request.budgetSpentVnd(), errors);
		String planId = id("planId", request.planId(), false, errors);
		String activityId = id("activityId", request.activityId(), false, errors);
		if (!errors.isEmpty()) {
			throw new ProblemException(Problems.invalid(errors));
		}
		return new ValidProgress(ValidProgress.Kind.RETRACTION, eventId, unitCode, planId, activityId, null,
				new TreeMap<>(), List.of(), 0L, reporter, note, refersTo, reason);
	}

	private static ValidProgress.Kind kind(ProgressRequest request, List<FieldError> errors) {
		if (request.correctsEventId() != null && request.retractsEventId() != null) {
			String both = "Một báo cáo chỉ sửa (correctsEventId) hoặc rút lại (retractsEventId), không cả hai.";
			errors.add(new FieldError("correctsEventId", both));
			errors.add(new FieldError("retractsEventId", both));
			return ValidProgress.Kind.RECORDED;
		}
		if (request.correctsEventId() != null) {
			return ValidProgress.Kind.CORRECTION;
		}
		return (request.retractsEventId() != null) ? ValidProgress.Kind.RETRACTION : ValidProgress.Kind.RECORDED;
	}

	private static void refuse(String field, @Nullable Object value, List<FieldError> errors) {
		if (value != null) {
			errors.add(new FieldError(field, NOT_IN_RETRACTION));
		}
	}

	private static @Nullable String eventId(String field, @Nullable String value, boolean required,
			List<FieldError> errors) {
		if (isBlank(value)) {
			if (required) {
				errors.add(new FieldError(field, REQUIRED));
			}
			return null;
		}
		if (!EVENT_ID.matcher(value).matches()) {
			errors.add(new FieldError(field, EVENT_ID_SHAPE));
			return null;
		}
		return value;
	}

	private static @Nullable String id(String field, @Nullable String value, boolean required,
			List<FieldError> errors) {
		if (value == null && !required) {
			return null;
		}
		String checked = text(field, value, true, MAX_ID_LENGTH, false, errors);
		if (checked != null && !checked.strip().equals(checked)) {
			errors.add(new FieldError(field, "Mã không được có khoảng trắng ở đầu hoặc cuối."));
			return null;
		}
		return checked;
	}

	/**
	 * Free text: present when required, at most {@code maxLength} characters, and nothing
	 * that is not text (see the class comment). Blank optional text counts as absent.
	 */
	static @Nullable String text(String field, @Nullable String value, boolean required, int maxLength,
			boolean multiline, List<FieldError> errors) {
		if (isBlank(value)) {
			if (required) {
				errors.add(new FieldError(field, REQUIRED));
			}
			return null;
		}
		if (value.length() > maxLength) {
			errors.add(new FieldError(field, "Tối đa " + maxLength + " ký tự."));
			return null;
		}
		String refused = refusedCharacter(value, multiline);
		if (refused != null) {
			errors.add(new FieldError(field, refused));
			return null;
		}
		return value;
	}

	private static @Nullable String refusedCharacter(String value, boolean multiline) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (Character.isISOControl(c)) {
				if (multiline && (c == '\n' || c == '\r' || c == '\t')) {
					continue;
				}
				return multiline ? "Không được chứa ký tự điều khiển (chỉ cho phép xuống dòng và tab)."
						: "Không được chứa ký tự điều khiển (kể cả xuống dòng, tab).";
			}
			if ((c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069')) {
				return "Không được chứa ký tự điều khiển hướng văn bản.";
			}
			if (Character.isHighSurrogate(c) && i + 1 < value.length()
					&& Character.isLowSurrogate(value.charAt(i + 1))) {
				i++;
			}
			else if (Character.isSurrogate(c)) {
				return "Chứa ký tự Unicode không hợp lệ.";
			}
		}
		return null;
	}

	private void checkDate(@Nullable LocalDate date, List<FieldError> errors) {
		if (date == null) {
			errors.add(new FieldError("date", REQUIRED));
			return;
		}
		// Tomorrow rather than today: a commune system's clock may run a little ahead.
		LocalDate latest = LocalDate.now(this.clock.withZone(VIETNAM)).plusDays(1);
		if (date.isBefore(EARLIEST_DATE)) {
			errors.add(new FieldError("date", "Ngày thực hiện không được trước ngày 01/01/2000."));
		}
		else if (date.isAfter(latest)) {
			errors.add(new FieldError("date", "Ngày thực hiện không được sau ngày mai (giờ Việt Nam)."));
		}
	}

	private static TreeMap<String, Long> quantities(@Nullable Map<String, @Nullable Long> quantities,
			List<FieldError> errors) {
		TreeMap<String, Long> valid = new TreeMap<>();
		if (quantities == null || quantities.isEmpty()) {
			errors.add(new FieldError("quantities",
					(quantities == null) ? REQUIRED : "Cần ít nhất một chỉ số, ví dụ {\"minutes\": 15}."));
			return valid;
		}
		quantities.forEach((metric, quantity) -> {
			String at = "quantities." + metric;
			if (!METRIC.matcher(metric).matches()) {
				errors.add(new FieldError(at, "Tên chỉ số bắt đầu bằng chữ thường, chỉ gồm chữ thường không dấu, "
						+ "chữ số và dấu gạch dưới, tối đa 40 ký tự (ví dụ broadcasts, online_filings)."));
			}
			else if (quantity == null) {
				errors.add(new FieldError(at, "Số lượng là bắt buộc."));
			}
			else if (quantity < 0 || quantity > MAX_QUANTITY) {
				errors.add(new FieldError(at, "Số lượng là số nguyên từ 0 đến 1.000.000.000."));
			}
			else {
				valid.put(metric, quantity);
			}
		});
		return valid;
	}

	private static List<String> evidence(@Nullable List<@Nullable String> evidence, List<FieldError> errors) {
		if (evidence == null) {
			return List.of();
		}
		if (evidence.size() > MAX_EVIDENCE) {
			errors.add(new FieldError("evidence", "Tối đa " + MAX_EVIDENCE + " liên kết minh chứng."));
			return List.of();
		}
		List<String> links = new ArrayList<>(evidence.size());
		for (int i = 0; i < evidence.size(); i++) {
			String link = evidence.get(i);
			if (link != null && link.length() > MAX_URL_LENGTH) {
				errors.add(new FieldError("evidence[" + i + "]",
						"Liên kết minh chứng dài tối đa " + MAX_URL_LENGTH + " ký tự."));
			}
			else if (link == null || !isHttpUrl(link)) {
				errors.add(new FieldError("evidence[" + i + "]",
						"Liên kết minh chứng phải là địa chỉ tuyệt đối bắt đầu bằng http:// hoặc https://."));
			}
			else {
				links.add(link);
			}
		}
		return links;
	}

	/**
	 * An absolute http(s) URL with a host. Anything else ({@code javascript:},
	 * {@code data:}, {@code ftp:}, a relative path) could do harm or mean nothing where
	 * the link is shown.
	 */
	private static boolean isHttpUrl(String link) {
		try {
			URI uri = new URI(link);
			return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
					&& uri.getHost() != null;
		}
		catch (URISyntaxException ex) {
			return false;
		}
	}

	private static boolean isBlank(@Nullable String value) {
		return value == null || value.isBlank();
	}

}
