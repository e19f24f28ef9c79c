package vn.gov.cchc.plan.plan;

import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import vn.gov.cchc.events.PlanDetails;
import vn.gov.cchc.plan.unit.UnitCodes;
import vn.gov.cchc.plan.unit.Units;
import vn.gov.cchc.plan.web.ApiSecurityDocs;
import vn.gov.cchc.security.Caller;
import vn.gov.cchc.web.FieldError;

import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Plans over HTTP. Every error is an RFC 9457 problem ({@code application/problem+json})
 * naming the offending fields. Only administrators write plans; reads are for officers,
 * reviewers and administrators, each within what {@link PlanReaders} lets it read.
 */
@RestController
@RequestMapping(path = PlanController.PATH, produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Kế hoạch", description = "Kế hoạch tuyên truyền cải cách hành chính: dự thảo, ban hành, điều chỉnh, "
		+ "kết thúc, các phiên bản, kế hoạch cấp dưới thực hiện kế hoạch cấp trên. Chỉ quản trị viên (admin) được "
		+ "ghi; cán bộ (officer), thẩm định viên (reviewer) và quản trị viên đọc kế hoạch của đơn vị mình, của đơn "
		+ "vị cấp trên giao việc cho mình và của các đơn vị mình được xem.")
@SecurityRequirement(name = ApiSecurityDocs.BEARER)
@ApiResponse(responseCode = "401", description = "Thiếu mã truy cập, hoặc mã không hợp lệ hay đã hết hạn",
		content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
				schema = @Schema(implementation = ProblemDetail.class)))
@ApiResponse(responseCode = "403",
		description = "Vai trò không được làm việc này (chỉ quản trị viên được ghi), hoặc kế hoạch ngoài phạm vi "
				+ "được xem (errors nêu planId)",
		content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
				schema = @Schema(implementation = ProblemDetail.class)))
class PlanController {

	static final String PATH = "/api/v1/plans";

	/** More plans than a province issues in years; a list is never unbounded. */
	static final int MAX_LISTED = 1000;

	private final PlanLifecycle lifecycle;

	private final Plans plans;

	private final PlanImplementation implementation;

	private final Units units;

	PlanController(PlanLifecycle lifecycle, Plans plans, PlanImplementation implementation, Units units) {
		this.lifecycle = lifecycle;
		this.plans = plans;
		this.implementation = implementation;
		this.units = units;
	}

	@PutMapping(path = "/{planId}", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Tạo hoặc sửa bản dự thảo",
			description = "201 khi tạo mới, 200 khi sửa. Kế hoạch đã ban hành chỉ sửa được bằng điều chỉnh (409). "
					+ "Gửi kèm revision đã đọc để không ghi đè thay đổi của người khác (409).")
	@ApiResponse(responseCode = "200", description = "Đã lưu bản dự thảo")
	@ApiResponse(responseCode = "201", description = "Đã tạo bản dự thảo")
	@ApiResponse(responseCode = "400", description = "Nội dung không hợp lệ",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
					schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "409", description = "Kế hoạch đã ban hành, hoặc vừa được người khác thay đổi",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
					schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "422", description = "Đơn vị hoặc kế hoạch cấp trên không khớp với dữ liệu đã có",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
					schema = @Schema(implementation = ProblemDetail.class)))
	ResponseEntity<PlanView> saveDraft(@PathVariable String planId, @RequestBody PlanRequest plan) {
		PlanLifecycle.Saved saved = this.lifecycle.saveDraft(planId, plan);
		return saved.created() ? ResponseEntity.created(location(planId)).body(PlanView.of(saved.plan()))
				: ResponseEntity.ok(PlanView.of(saved.plan()));
	}

	@PostMapping(path = "/{planId}:issue", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Ban hành bản dự thảo",
			description = "Tạo phiên bản 1 và công bố PlanIssued trên cchc.plans. Gửi lại đúng ngày ban hành của "
					+ "kế hoạch đã ban hành thì trả 200 và không có gì thay đổi; ngày khác thì 409.")
	@ApiResponse(responseCode = "200", description = "Đã ban hành")
	@ApiResponse(responseCode = "400", description = "Thiếu hoặc sai ngày ban hành, hoặc bản dự thảo không hợp lệ",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
					schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "404", description = "Không có kế hoạch này",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
					schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "409", description = "Đã ban hành ngày khác, hoặc vừa được người khác thay đổi",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
					schema = @Schema(implementation = ProblemDetail.class)))
	PlanView issue(@PathVariable String planId, @RequestBody IssueRequest request) {
		return PlanView.of(this.lifecycle.issue(planId, request));
	}

	@PostMapping(path = "/{planId}:amend", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Điều chỉnh kế hoạch đã ban hành",
			description = "Nội dung đầy đủ của kế hoạch sau điều chỉnh cùng lý do; tạo phiên bản mới (các phiên bản "
					+ "cũ vẫn đọc được) và công bố PlanAmended.")
	@ApiResponse(responseCode = "200", description = "Đã điều chỉnh")
	@ApiResponse(responseCode = "400", description = "Nội dung không hợp lệ hoặc thiếu lý do",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
					schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "404", description = "Không có kế hoạch này",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
					schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "409", description = "Kế hoạch chưa ban hành, đã kết thúc, hoặc vừa được thay đổi",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
					schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "422", description = "Đơn vị hoặc kế hoạch cấp trên không khớp với dữ liệu đã có",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
					schema = @Schema(implementation = ProblemDetail.class)))
	PlanView amend(@PathVariable String planId, @RequestBody AmendmentRequest request) {
		return PlanView.of(this.lifecycle.amend(planId, request));
	}

	@PostMapping(path = "/{planId}:close")
	@Operation(summary = "Kết thúc kế hoạch",
			description = "Thân yêu cầu có thể bỏ trống (kết thúc hôm nay). Công bố PlanClosed; kế hoạch đã kết thúc "
					+ "không điều chỉnh được nữa. Gửi lại với cùng ngày (hoặc không ngày) thì trả 200.")
	@ApiResponse(responseCode = "200", description = "Đã kết thúc")
	@ApiResponse(responseCode = "400", description = "Ngày hoặc lý do không hợp lệ",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
					schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "404", description = "Không có kế hoạch này",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
					schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "409",
			description = "Kế hoạch chưa ban hành, đã kết thúc ngày khác, hoặc vừa được " + "thay đổi",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
					schema = @Schema(implementation = ProblemDetail.class)))
	PlanView close(@PathVariable String planId, @RequestBody(required = false) @Nullable CloseRequest request) {
		return PlanView
			.of(this.lifecycle.close(planId, (request != null) ? request : new CloseRequest(null, null, null)));
	}

	@PostMapping(path = "/{planId}:derive", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Tạo kế hoạch cấp dưới từ kế hoạch này",
			description = "Tạo bản dự thảo cho đơn vị cấp dưới, điền sẵn các hoạt động và chỉ tiêu giao cho cấp của "
					+ "đơn vị (inheritedFrom ghi nguồn), basis.parentPlanId là kế hoạch này.")
	@ApiResponse(responseCode = "201", description = "Đã tạo bản dự thảo của đơn vị cấp dưới")
	@ApiResponse(responseCode = "400", description = "Thiếu hoặc sai mã kế hoạch mới hoặc mã đơn vị",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
					schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "404", description = "Không có kế hoạch cấp trên này",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
					schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "409",
			description = "Kế hoạch cấp trên chưa ban hành hoặc đã kết thúc, hoặc mã kế " + "hoạch mới đã được dùng",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
					schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "422", description = "Đơn vị không thuộc đơn vị ban hành kế hoạch cấp trên",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
					schema = @Schema(implementation = ProblemDetail.class)))
	ResponseEntity<PlanView> derive(@PathVariable String planId, @RequestBody DeriveRequest request) {
		PlanLifecycle.Saved saved = this.lifecycle.derive(planId, request);
		return ResponseEntity.created(location(saved.plan().planId())).body(PlanView.of(saved.plan()));
	}

	@GetMapping("/{planId}")
	@Operation(summary = "Kế hoạch hiện tại",
			description = "Bản dự thảo (phiên bản 0) nếu chưa ban hành, nếu không thì phiên bản mới nhất với trạng "
					+ "thái của kế hoạch.")
	@ApiResponse(responseCode = "200", description = "Kế hoạch")
	@ApiResponse(responseCode = "404", description = "Không có kế hoạch này",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
					schema = @Schema(implementation = ProblemDetail.class)))
	PlanView current(Caller caller, @PathVariable String planId) {
		return PlanView.of(readable(caller, planId));
	}

	@GetMapping("/{planId}/versions")
	@Operation(summary = "Các phiên bản đã ban hành", description = "Cũ nhất trước; mỗi phiên bản kèm ngày và lý do.")
	@ApiResponse(responseCode = "200", description = "Các phiên bản")
	@ApiResponse(responseCode = "404", description = "Không có kế hoạch này",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
					schema = @Schema(implementation = ProblemDetail.class)))
	List<VersionView> versions(Caller caller, @PathVariable String planId) {
		StoredPlan stored = readable(caller, planId);
		return stored.versions().stream().map((version) -> VersionView.of(stored, version)).toList();
	}

	@GetMapping("/{planId}/versions/{version}")
	@Operation(summary = "Một phiên bản, đúng như đã ban hành")
	@ApiResponse(responseCode = "200", description = "Phiên bản")
	@ApiResponse(responseCode = "400", description = "Số phiên bản không hợp lệ",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
					schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "404", description = "Không có kế hoạch hoặc phiên bản này",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
					schema = @Schema(implementation = ProblemDetail.class)))
	PlanDetails version(Caller caller, @PathVariable String planId,
			@Parameter(description = "Số phiên bản, từ 1") @PathVariable String version) {
		int number;
		try {
			number = Integer.parseInt(version);
		}
		catch (NumberFormatException ex) {
			throw PlanProblems.invalid(List.of(new FieldError("version", "Số phiên bản là số nguyên từ 1.")));
		}
		StoredPlan stored = readable(caller, planId);
		return stored.version(number).orElseThrow(() -> PlanProblems.versionNotFound(planId, number));
	}

	@GetMapping
	@Operation(summary = "Danh sách kế hoạch",
			description = "Lọc theo đơn vị ban hành và/hoặc năm (kế hoạch có thời gian giao với năm đó), tối đa "
					+ MAX_LISTED + " kế hoạch, theo ngày bắt đầu; chỉ gồm các kế hoạch người gọi được xem.")
	@ApiResponse(responseCode = "200", description = "Các kế hoạch")
	@ApiResponse(responseCode = "400", description = "Mã đơn vị hoặc năm không hợp lệ",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
					schema = @Schema(implementation = ProblemDetail.class)))
	List<PlanSummary> list(Caller caller,
			@Parameter(description = "Mã đơn vị ban hành") @RequestParam(required = false) @Nullable String issuer,
			@Parameter(description = "Năm, ví dụ 2024") @RequestParam(required = false) @Nullable String year) {
		if (issuer != null && !UnitCodes.isWellFormed(issuer)) {
			throw PlanProblems.invalid(List.of(new FieldError("issuer", UnitCodes.MALFORMED)));
		}
		Integer wantedYear = null;
		if (year != null) {
			try {
				wantedYear = Integer.parseInt(year);
			}
			catch (NumberFormatException ex) {
				wantedYear = -1;
			}
			if (wantedYear < PlanValidator.EARLIEST_DAY.getYear() || wantedYear > PlanValidator.LATEST_DAY.getYear()) {
				throw PlanProblems.invalid(List.of(new FieldError("year", "Năm là số từ 2000 đến 2100.")));
			}
		}
		List<StoredPlan> candidates = (issuer != null) ? this.plans.findByIssuer(issuer)
				: this.plans.findAll(MAX_LISTED);
		Integer filterYear = wantedYear;
		PlanReaders readers = new PlanReaders(caller, this.units.tree());
		return candidates.stream()
			.map(PlanSummary::of)
			.filter((plan) -> issuer == null || plan.issuerCode().equals(issuer))
			.filter((plan) -> filterYear == null
					|| (plan.from().getYear() <= filterYear && plan.to().getYear() >= filterYear))
			.filter(readers::mayRead)
			.sorted(Comparator.comparing(PlanSummary::from).thenComparing(PlanSummary::planId))
			.limit(MAX_LISTED)
			.toList();
	}

	@GetMapping("/{planId}/implementation")
	@Operation(summary = "Đơn vị cấp dưới đã / chưa ban hành kế hoạch thực hiện",
			description = "Các đơn vị trực thuộc đơn vị ban hành vào ngày on (mặc định hôm nay) được kế hoạch giao "
					+ "việc, chia thành đã ban hành và chưa ban hành kế hoạch của mình. Chỉ người được xem đơn vị ban "
					+ "hành (cán bộ của đơn vị đó hoặc cấp trên, thẩm định viên và quản trị viên của tỉnh).")
	@ApiResponse(responseCode = "200", description = "Tình hình thực hiện")
	@ApiResponse(responseCode = "400", description = "Ngày không hợp lệ",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
					schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "404", description = "Không có kế hoạch này",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
					schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "409", description = "Kế hoạch chưa ban hành",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
					schema = @Schema(implementation = ProblemDetail.class)))
	ImplementationReport implementation(Caller caller, @PathVariable String planId,
			@Parameter(description = "Ngày, dạng YYYY-MM-DD; mặc định hôm nay (giờ Việt Nam)") @RequestParam(
					required = false) @Nullable String on) {
		LocalDate day;
		try {
			day = (on != null) ? LocalDate.parse(on) : this.lifecycle.today();
		}
		catch (DateTimeParseException ex) {
			throw PlanProblems.invalid(List.of(new FieldError("on", "Phải là một ngày có thật dạng \"YYYY-MM-DD\".")));
		}
		StoredPlan stored = this.lifecycle.require(planId);
		new PlanReaders(caller, this.units.tree()).requireIssuer(stored);
		if (stored.isDraft()) {
			throw PlanProblems.notIssued(planId);
		}
		return this.implementation.report(stored, day);
	}

	/**
	 * The plan, if there is one (404) and the caller may read it (403): plans are public
	 * documents, so that a plan exists is no secret, only what a caller may read is.
	 */
	private StoredPlan readable(Caller caller, String planId) {
		StoredPlan stored = this.lifecycle.require(planId);
		new PlanReaders(caller, this.units.tree()).require(stored);
		return stored;
	}

	private static URI location(String planId) {
		return URI.create(PATH + "/" + planId);
	}

}
