package vn.gov.cchc.plan.plan;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import vn.gov.cchc.events.PlanDetails;
import vn.gov.cchc.security.Caller;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The HTTP contract of {@link PlanController}: paths, and what the API documents say.
 */
@RequestMapping(path = PlanApi.PATH, produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Kế hoạch", description = "Kế hoạch tuyên truyền cải cách hành chính: dự thảo, ban hành, điều chỉnh, "
		+ "kết thúc, các phiên bản, kế hoạch cấp dưới thực hiện kế hoạch cấp trên. Chỉ quản trị viên (admin) được "
		+ "ghi; cán bộ (officer), thẩm định viên (reviewer) và quản trị viên đọc kế hoạch của đơn vị mình, của đơn "
		+ "vị cấp trên giao việc cho mình và của các đơn vị mình được xem.")
@ApiResponse(responseCode = "403",
		description = "Vai trò không được làm việc này (chỉ quản trị viên được ghi), hoặc kế hoạch ngoài phạm vi "
				+ "được xem (errors nêu planId)")
interface PlanApi {

	String PATH = "/api/v1/plans";

	/** More plans than a province issues in years; a list is never unbounded. */
	int MAX_LISTED = 1000;

	@PutMapping(path = "/{planId}", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Tạo hoặc sửa bản dự thảo",
			description = "201 khi tạo mới, 200 khi sửa. Kế hoạch đã ban hành chỉ sửa được bằng điều chỉnh (409). "
					+ "Gửi kèm revision đã đọc để không ghi đè thay đổi của người khác (409).")
	@ApiResponse(responseCode = "200", description = "Đã lưu bản dự thảo")
	@ApiResponse(responseCode = "201", description = "Đã tạo bản dự thảo")
	@ApiResponse(responseCode = "400", description = "Nội dung không hợp lệ")
	@ApiResponse(responseCode = "409", description = "Kế hoạch đã ban hành, hoặc vừa được người khác thay đổi")
	@ApiResponse(responseCode = "422", description = "Đơn vị hoặc kế hoạch cấp trên không khớp với dữ liệu đã có")
	ResponseEntity<PlanView> saveDraft(@PathVariable String planId, @RequestBody PlanRequest plan);

	@PostMapping(path = "/{planId}:issue", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Ban hành bản dự thảo",
			description = "Tạo phiên bản 1 và công bố PlanIssued trên cchc.plans. Gửi lại đúng ngày ban hành của "
					+ "kế hoạch đã ban hành thì trả 200 và không có gì thay đổi; ngày khác thì 409.")
	@ApiResponse(responseCode = "200", description = "Đã ban hành")
	@ApiResponse(responseCode = "400", description = "Thiếu hoặc sai ngày ban hành, hoặc bản dự thảo không hợp lệ")
	@ApiResponse(responseCode = "404", description = "Không có kế hoạch này")
	@ApiResponse(responseCode = "409", description = "Đã ban hành ngày khác, hoặc vừa được người khác thay đổi")
	PlanView issue(@PathVariable String planId, @RequestBody IssueRequest request);

	@PostMapping(path = "/{planId}:amend", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Điều chỉnh kế hoạch đã ban hành",
			description = "Nội dung đầy đủ của kế hoạch sau điều chỉnh cùng lý do; tạo phiên bản mới (các phiên bản "
					+ "cũ vẫn đọc được) và công bố PlanAmended.")
	@ApiResponse(responseCode = "200", description = "Đã điều chỉnh")
	@ApiResponse(responseCode = "400", description = "Nội dung không hợp lệ hoặc thiếu lý do")
	@ApiResponse(responseCode = "404", description = "Không có kế hoạch này")
	@ApiResponse(responseCode = "409", description = "Kế hoạch chưa ban hành, đã kết thúc, hoặc vừa được thay đổi")
	@ApiResponse(responseCode = "422", description = "Đơn vị hoặc kế hoạch cấp trên không khớp với dữ liệu đã có")
	PlanView amend(@PathVariable String planId, @RequestBody AmendmentRequest request);

	@PostMapping(path = "/{planId}:close")
	@Operation(summary = "Kết thúc kế hoạch",
			description = "Thân yêu cầu có thể bỏ trống (kết thúc hôm nay). Công bố PlanClosed; kế hoạch đã kết thúc "
					+ "không điều chỉnh được nữa. Gửi lại với cùng ngày (hoặc không ngày) thì trả 200.")
	@ApiResponse(responseCode = "200", description = "Đã kết thúc")
	@ApiResponse(responseCode = "400", description = "Ngày hoặc lý do không hợp lệ")
	@ApiResponse(responseCode = "404", description = "Không có kế hoạch này")
	@ApiResponse(responseCode = "409",
			description = "Kế hoạch chưa ban hành, đã kết thúc ngày khác, hoặc vừa được " + "thay đổi")
	PlanView close(@PathVariable String planId, @RequestBody(required = false) @Nullable CloseRequest request);

	@PostMapping(path = "/{planId}:derive", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Tạo kế hoạch cấp dưới từ kế hoạch này",
			description = "Tạo bản dự thảo cho đơn vị cấp dưới, điền sẵn các hoạt động và chỉ tiêu giao cho cấp của "
					+ "đơn vị (inheritedFrom ghi nguồn), basis.parentPlanId là kế hoạch này.")
	@ApiResponse(responseCode = "201", description = "Đã tạo bản dự thảo của đơn vị cấp dưới")
	@ApiResponse(responseCode = "400", description = "Thiếu hoặc sai mã kế hoạch mới hoặc mã đơn vị")
	@ApiResponse(responseCode = "404", description = "Không có kế hoạch cấp trên này")
	@ApiResponse(responseCode = "409",
			description = "Kế hoạch cấp trên chưa ban hành hoặc đã kết thúc, hoặc mã kế " + "hoạch mới đã được dùng")
	@ApiResponse(responseCode = "422", description = "Đơn vị không thuộc đơn vị ban hành kế hoạch cấp trên")
	ResponseEntity<PlanView> derive(@PathVariable String planId, @RequestBody DeriveRequest request);

	@GetMapping("/{planId}")
	@Operation(summary = "Kế hoạch hiện tại",
			description = "Bản dự thảo (phiên bản 0) nếu chưa ban hành, nếu không thì phiên bản mới nhất với trạng "
					+ "thái của kế hoạch.")
	@ApiResponse(responseCode = "200", description = "Kế hoạch")
	@ApiResponse(responseCode = "404", description = "Không có kế hoạch này")
	PlanView current(Caller caller, @PathVariable String planId);

	@GetMapping("/{planId}/versions")
	@Operation(summary = "Các phiên bản đã ban hành", description = "Cũ nhất trước; mỗi phiên bản kèm ngày và lý do.")
	@ApiResponse(responseCode = "200", description = "Các phiên bản")
	@ApiResponse(responseCode = "404", description = "Không có kế hoạch này")
	List<VersionView> versions(Caller caller, @PathVariable String planId);

	@GetMapping("/{planId}/versions/{version}")
	@Operation(summary = "Một phiên bản, đúng như đã ban hành")
	@ApiResponse(responseCode = "200", description = "Phiên bản")
	@ApiResponse(responseCode = "400", description = "Số phiên bản không hợp lệ")
	@ApiResponse(responseCode = "404", description = "Không có kế hoạch hoặc phiên bản này")
	PlanDetails version(Caller caller, @PathVariable String planId,
			@Parameter(description = "Số phiên bản, từ 1") @PathVariable String version);

	@GetMapping
	@Operation(summary = "Danh sách kế hoạch",
			description = "Lọc theo đơn vị ban hành và/hoặc năm (kế hoạch có thời gian giao với năm đó), tối đa "
					+ MAX_LISTED + " kế hoạch, theo ngày bắt đầu; chỉ gồm các kế hoạch người gọi được xem.")
	@ApiResponse(responseCode = "200", description = "Các kế hoạch")
	@ApiResponse(responseCode = "400", description = "Mã đơn vị hoặc năm không hợp lệ")
	List<PlanSummary> list(Caller caller,
			@Parameter(description = "Mã đơn vị ban hành") @RequestParam(required = false) @Nullable String issuer,
			@Parameter(description = "Năm, ví dụ 2024") @RequestParam(required = false) @Nullable String year);

	@GetMapping("/{planId}/implementation")
	@Operation(summary = "Đơn vị cấp dưới đã / chưa ban hành kế hoạch thực hiện",
			description = "Các đơn vị trực thuộc đơn vị ban hành vào ngày on (mặc định hôm nay) được kế hoạch giao "
					+ "việc, chia thành đã ban hành và chưa ban hành kế hoạch của mình. Chỉ người được xem đơn vị ban "
					+ "hành (cán bộ của đơn vị đó hoặc cấp trên, thẩm định viên và quản trị viên của tỉnh).")
	@ApiResponse(responseCode = "200", description = "Tình hình thực hiện")
	@ApiResponse(responseCode = "400", description = "Ngày không hợp lệ")
	@ApiResponse(responseCode = "404", description = "Không có kế hoạch này")
	@ApiResponse(responseCode = "409", description = "Kế hoạch chưa ban hành")
	ImplementationReport implementation(Caller caller, @PathVariable String planId,
			@Parameter(description = "Ngày, dạng YYYY-MM-DD; mặc định hôm nay (giờ Việt Nam)") @RequestParam(
					required = false) @Nullable String on);

}
