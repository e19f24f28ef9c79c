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
import vn.gov.cchc.plan.problem.FieldError;
import vn.gov.cchc.plan.problem.ProblemException;
import vn.gov.cchc.plan.problem.Problems;
import vn.gov.cchc.plan.unit.UnitCodes;

import org.springframework.stereotype.Component;

/**
 * The rules a progress report must keep on its own, before anything is looked up. Every
 * broken rule is reported at once, each naming its field by JSON path.
 */
@Component
class ProgressRequestValidator {

	static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

	static final LocalDate EARLIEST_DATE = LocalDate.of(2000, 1, 1);

	static final long MAX_QUANTITY = 1_000_000_000L;

	static final long MAX_BUDGET_VND = 1_000_000_000_000L;

	static final int MAX_EVIDENCE = 20;

	private static final int MAX_ID_LENGTH = 64;

	private static final int MAX_REPORTER_LENGTH = 200;

	private static final int MAX_URL_LENGTH = 2048;

	private static final Pattern EVENT_ID = Pattern.compile("^[A-Za-z0-9._:-]{8,64}$");

	private static final Pattern METRIC = Pattern.compile("^[a-z][a-zA-Z0-9]{0,39}$");

	private static final String REQUIRED = "Trường này là bắt buộc.";

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
		String eventId = request.eventId();
		if (isBlank(eventId)) {
			errors.add(new FieldError("eventId", REQUIRED));
		}
		else if (!EVENT_ID.matcher(eventId).matches()) {
			errors.add(new FieldError("eventId",
					"Mã sự kiện gồm 8–64 ký tự: chữ cái không dấu, chữ số, dấu chấm, gạch dưới, hai chấm hoặc gạch ngang."));
		}
		String unitCode = request.unitCode();
		if (isBlank(unitCode)) {
			errors.add(new FieldError("unitCode", REQUIRED));
		}
		else if (!UnitCodes.isWellFormed(unitCode)) {
			errors.add(new FieldError("unitCode", UnitCodes.MALFORMED));
		}
		requireText("planId", request.planId(), MAX_ID_LENGTH, errors);
		requireText("activityId", request.activityId(), MAX_ID_LENGTH, errors);
		requireText("reporter", request.reporter(), MAX_REPORTER_LENGTH, errors);
		checkDate(request.date(), errors);
		TreeMap<String, Long> quantities = quantities(request.quantities(), errors);
		List<String> evidence = evidence(request.evidence(), errors);
		long budget = (request.budgetSpentVnd() != null) ? request.budgetSpentVnd() : 0L;
		if (budget < 0 || budget > MAX_BUDGET_VND) {
			errors.add(new FieldError("budgetSpentVnd",
					"Kinh phí là số nguyên đồng từ 0 đến 1.000.000.000.000 (một nghìn tỷ)."));
		}
		if (!errors.isEmpty()) {
			throw new ProblemException(Problems.invalid(errors));
		}
		return new ValidProgress(eventId, unitCode, request.planId(), request.activityId(), request.date(), quantities,
				evidence, budget, request.reporter());
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
				errors.add(new FieldError(at, "Tên chỉ số bắt đầu bằng chữ thường, chỉ gồm chữ cái không dấu "
						+ "và chữ số, tối đa 40 ký tự (ví dụ broadcasts, minutes)."));
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
			if (link == null || !isHttpUrl(link)) {
				errors.add(new FieldError("evidence[" + i + "]",
						"Liên kết minh chứng phải là địa chỉ tuyệt đối bắt đầu bằng http:// hoặc https://."));
			}
			else {
				links.add(link);
			}
		}
		return links;
	}

	private static boolean isHttpUrl(String link) {
		if (link.length() > MAX_URL_LENGTH) {
			return false;
		}
		try {
			URI uri = new URI(link);
			return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
					&& uri.getHost() != null;
		}
		catch (URISyntaxException ex) {
			return false;
		}
	}

	private static void requireText(String field, @Nullable String value, int maxLength, List<FieldError> errors) {
		if (isBlank(value)) {
			errors.add(new FieldError(field, REQUIRED));
		}
		else if (value.length() > maxLength) {
			errors.add(new FieldError(field, "Tối đa " + maxLength + " ký tự."));
		}
	}

	private static boolean isBlank(@Nullable String value) {
		return value == null || value.isBlank();
	}

}
