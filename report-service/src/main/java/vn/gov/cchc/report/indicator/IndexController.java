package vn.gov.cchc.report.indicator;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.gov.cchc.events.PlanDetails;
import vn.gov.cchc.events.UnitDetails;
import vn.gov.cchc.report.indicator.IndexValue.Recording;
import vn.gov.cchc.report.period.PlanRequests;
import vn.gov.cchc.report.plan.Plans;
import vn.gov.cchc.report.unit.Units;
import vn.gov.cchc.report.web.Requests;
import vn.gov.cchc.security.Caller;
import vn.gov.cchc.security.ReadScope;
import vn.gov.cchc.web.FieldError;
import vn.gov.cchc.web.ProblemException;
import vn.gov.cchc.web.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Published index results, entered by reviewers: {@code PUT
 * /api/v1/indexes/{unitCode}/{index}/{year}} with {@code {value, level, rank,
 * publishedOn, source}}, recorded under the login of the reviewer's token, for a unit of
 * the reviewer's province; and {@code GET /api/v1/indexes/{unitCode}?year=} for a caller
 * whose reading scope holds the unit. An index names no day of the tree, so the scope
 * follows the unit's parents over its whole life.
 * <p>
 * The index may be named as a plan writes it ({@code PAR INDEX}, url-encoded) or
 * canonically ({@code PAR_INDEX}); it must be one Vietnam publishes or one a known plan
 * has a target on ({@code Chính quyền số}), so that a typo does not create an index no
 * target will ever read. The body is read by hand so that every bad field is named.
 */
@RestController
class IndexController {

	private static final int FIRST_YEAR = 2000;

	private static final int LAST_YEAR = 2100;

	private static final int MAX_SOURCE = 500;

	private final PlanRequests requests;

	private final Plans plans;

	private final Indexes indexes;

	private final Units units;

	private final Clock clock;

	private final JsonMapper json = JsonMapper.builder()
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.build();

	IndexController(PlanRequests requests, Plans plans, Indexes indexes, Units units, Clock clock) {
		this.requests = requests;
		this.plans = plans;
		this.indexes = indexes;
		this.units = units;
		this.clock = clock;
	}

	@PutMapping(path = "/api/v1/indexes/{unitCode}/{index}/{year}", consumes = MediaType.APPLICATION_JSON_VALUE)
	IndexValue record(Caller caller, @PathVariable String unitCode, @PathVariable String index,
			@PathVariable String year, @RequestBody(required = false) @Nullable String body) {
		// Before the unit is looked up: a reviewer of another province learns nothing.
		ReadScope.of(caller, this.units.pathsEver()).require("unitCode", Requests.unitCode("unitCode", unitCode));
		UnitDetails unit = this.requests.unit("unitCode", unitCode);
		String canonical = index(index);
		int indexYear = year("year", year);
		Recording recording = recording(body, caller.user(), this.clock.instant());
		return this.indexes.record(unit.code(), canonical, indexYear, recording);
	}

	@GetMapping("/api/v1/indexes/{unitCode}")
	IndexesResponse find(Caller caller, @PathVariable String unitCode,
			@RequestParam(required = false) @Nullable String year) {
		UnitDetails unit = this.requests.unit("unitCode", unitCode);
		ReadScope.of(caller, this.units.pathsEver()).require("unitCode", unit.code());
		Integer wanted = (year != null) ? year("year", year) : null;
		return new IndexesResponse(unit.code(), unit.name(), wanted, this.indexes.findAll(unit.code(), wanted));
	}

	private String index(String index) {
		String canonical = IndexNames.isWellFormed(index.strip()) ? IndexNames.canonical(index) : null;
		if (canonical == null || !known(canonical)) {
			throw Requests.invalid("index", "invalid-index", "Chỉ số không hợp lệ",
					"Chỉ số phải là một trong PAR_INDEX, SIPAS, PAPI, PCI, DDCI, DTI, SATISFACTION hoặc chỉ số mà một "
							+ "kế hoạch đặt chỉ tiêu (viết như trong kế hoạch, ví dụ PAR INDEX).",
					"Chỉ số không được biết");
		}
		return canonical;
	}

	private boolean known(String canonical) {
		if (IndexNames.KNOWN.contains(canonical)) {
			return true;
		}
		for (PlanDetails plan : this.plans.all()) {
			for (PlanDetails.Target target : plan.targets()) {
				if (target.index() != null && IndexNames.canonical(target.index()).equals(canonical)) {
					return true;
				}
			}
		}
		return false;
	}

	private static int year(String field, String year) {
		try {
			int value = Integer.parseInt(year);
			if (value >= FIRST_YEAR && value <= LAST_YEAR) {
				return value;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		throw Requests.invalid(field, "invalid-year", "Năm không hợp lệ",
				"Năm là số nguyên từ " + FIRST_YEAR + " đến " + LAST_YEAR + ".", "Năm không hợp lệ");
	}

	private Recording recording(@Nullable String body, String recordedBy, Instant at) {
		JsonNode node;
		try {
			node = (body != null) ? this.json.readTree(body) : null;
		}
		catch (JacksonException ex) {
			node = null;
		}
		if (node == null || !node.isObject()) {
			throw Requests.invalid("body", "invalid-body", "Nội dung không hợp lệ",
					"Nội dung phải là một đối tượng JSON {value, level, rank, publishedOn, source}.",
					"Không phải đối tượng JSON");
		}
		List<FieldError> errors = new ArrayList<>();
		BigDecimal value = field(node, "value", (n) -> n.isNumber() && n.decimalValue().signum() >= 0,
				JsonNode::decimalValue, "Giá trị phải là số thập phân không âm", errors);
		String level = field(node, "level", (n) -> n.isString() && Thresholds.levelRank(n.asString()) >= 0,
				(n) -> Thresholds.canonicalLevel(n.asString()),
				"Xếp loại phải là một trong: " + String.join(", ", Thresholds.LEVELS), errors);
		Integer rank = field(node, "rank", (n) -> n.isIntegralNumber() && n.canConvertToInt() && n.intValue() >= 1,
				JsonNode::intValue, "Thứ hạng phải là số nguyên từ 1 trở lên", errors);
		LocalDate publishedOn = field(node, "publishedOn", (n) -> n.isString() && isDate(n.asString()),
				(n) -> LocalDate.parse(n.asString()), "Ngày công bố phải theo dạng yyyy-MM-dd", errors);
		String source = field(node, "source",
				(n) -> n.isString() && !n.asString().isBlank() && n.asString().length() <= MAX_SOURCE,
				(n) -> n.asString().strip(), "Nguồn công bố là chuỗi không rỗng, tối đa " + MAX_SOURCE + " ký tự",
				errors);
		if (errors.isEmpty() && value == null && level == null && rank == null) {
			errors.add(new FieldError("value", "Cần ít nhất một trong value, level, rank"));
		}
		if (!errors.isEmpty()) {
			throw new ProblemException(Problems.of(HttpStatus.BAD_REQUEST, "invalid-index-value",
					"Kết quả chỉ số không hợp lệ", "Một số trường của kết quả chỉ số không hợp lệ.", errors));
		}
		return new Recording(value, level, rank, publishedOn, source, recordedBy, at);
	}

	/**
	 * The field, read if present and valid; absent if missing or {@code null}, or if
	 * invalid, with an error naming it.
	 */
	private static <T> @Nullable T field(JsonNode node, String name, Predicate<JsonNode> valid,
			Function<JsonNode, T> read, String message, List<FieldError> errors) {
		JsonNode value = node.get(name);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!valid.test(value)) {
			errors.add(new FieldError(name, message));
			return null;
		}
		return read.apply(value);
	}

	private static boolean isDate(String text) {
		try {
			LocalDate.parse(text);
			return true;
		}
		catch (DateTimeParseException ex) {
			return false;
		}
	}

	/**
	 * The published results of a unit.
	 *
	 * @param unitCode the unit
	 * @param name its name
	 * @param year the year asked for, absent for all
	 * @param indexes the results, by year and index
	 */
	record IndexesResponse(String unitCode, String name, @Nullable Integer year, List<IndexValue> indexes) {

		IndexesResponse {
			Objects.requireNonNull(indexes);
		}

	}

}
