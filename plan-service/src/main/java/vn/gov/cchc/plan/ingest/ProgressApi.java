package vn.gov.cchc.plan.ingest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.JsonNode;
import vn.gov.cchc.security.Caller;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

/**
 * The HTTP contract of {@link ProgressController}: paths, and what the API documents say.
 */
@Tag(name = "Tiến độ", description = "Báo cáo tiến độ thực hiện kế hoạch: ghi nhận, sửa, rút lại; từng báo cáo "
		+ "hoặc theo lô. Mỗi báo cáo mang một eventId do bên gửi tạo, gửi lại cùng nội dung không tạo bản ghi mới. "
		+ "Cán bộ (officer) hoặc hệ thống của đơn vị (machine) chỉ gửi được báo cáo của chính đơn vị mình: unitCode "
		+ "của mọi báo cáo phải là đơn vị của mã truy cập.")
@ApiResponse(responseCode = "400",
		description = "JSON sai cú pháp, giá trị sai kiểu hoặc trường không hợp lệ; errors nêu từng trường")
@ApiResponse(responseCode = "403",
		description = "Vai trò không được gửi tiến độ, hoặc báo cáo của đơn vị khác với đơn vị của mã truy cập (errors "
				+ "nêu unitCode, hoặc [i].unitCode trong một lô: cả lô bị từ chối, không gì được ghi nhận)")
@ApiResponse(responseCode = "413", description = "Nội dung yêu cầu vượt giới hạn")
@ApiResponse(responseCode = "415", description = "Nội dung không phải application/json")
@ApiResponse(responseCode = "503",
		description = "Kafka hoặc cơ sở dữ liệu chưa xác nhận; gửi lại đúng nội dung cũ sau Retry-After giây")
interface ProgressApi {

	String PATH = "/api/v1/progress";

	String BATCH_PATH = "/api/v1/progress:batch";

	String RETRACT_PATH = "/api/v1/progress/{eventId}:retract";

	/**
	 * 202 once the broker has the event: report-service counts it asynchronously.
	 */
	@Operation(summary = "Ghi nhận một báo cáo tiến độ, một bản sửa hoặc một bản rút lại",
			description = "Báo cáo phải khớp với kế hoạch đã ban hành: hoạt động thuộc kế hoạch, đơn vị chủ trì, "
					+ "phối hợp hoặc thuộc loại đơn vị được giao dưới đơn vị ban hành, ngày nằm trong kế hoạch và "
					+ "đơn vị tồn tại vào ngày đó, chỉ số thuộc hoạt động. Có correctsEventId: bản sửa thay toàn bộ "
					+ "giá trị của báo cáo gốc cùng đơn vị (ProgressCorrected). Có retractsEventId và reason: rút lại "
					+ "báo cáo gốc (ProgressRetracted). Trả 202 khi Kafka đã xác nhận sự kiện trên cchc.progress.")
	@ApiResponse(responseCode = "202", description = "Đã ghi nhận (hoặc đã ghi nhận trước đó với cùng nội dung)")
	@ApiResponse(responseCode = "409",
			description = "eventId đã dùng cho nội dung khác, hoặc báo cáo gốc đã bị rút lại / chưa ghi nhận xong")
	@ApiResponse(responseCode = "422",
			description = "Không khớp với kế hoạch đã ban hành, với đơn vị vào ngày thực hiện, hoặc với báo cáo gốc")
	@PostMapping(path = PATH, consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<ProgressAccepted> record(Caller caller, @RequestBody ProgressRequest request);

	/**
	 * 200 with one result per report: each is accepted or refused on its own.
	 */
	@Operation(summary = "Ghi nhận một lô tối đa 1.000 báo cáo tiến độ",
			description = "Mỗi báo cáo được kiểm tra và quyết định riêng như khi gửi từng báo cáo; kết quả theo "
					+ "đúng thứ tự gửi: ACCEPTED, DUPLICATE, REJECTED, CONFLICT (kèm errors nêu trường) hoặc FAILED "
					+ "(Kafka chưa xác nhận; gửi lại đúng nội dung). Chỉ báo cáo ACCEPTED hoặc DUPLICATE có trên "
					+ "cchc.progress. Nếu Kafka không xác nhận báo cáo nào: 503 cho cả lô.",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
							array = @ArraySchema(minItems = 1, maxItems = 1000,
									schema = @Schema(implementation = ProgressRequest.class)))))
	@ApiResponse(responseCode = "200", description = "Kết quả từng báo cáo")
	@PostMapping(path = BATCH_PATH, consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	BatchResult batch(Caller caller, @RequestBody JsonNode reports);

	/**
	 * 202 once the broker has the retraction.
	 */
	@Operation(summary = "Rút lại một báo cáo tiến độ đã ghi nhận",
			description = "Phát ProgressRetracted cho báo cáo gốc của cùng đơn vị; báo cáo gốc không bị sửa. Mỗi báo "
					+ "cáo chỉ rút lại được một lần và không sửa được sau khi đã rút lại. Không gửi eventId thì "
					+ "eventId của bản rút lại được suy ra từ báo cáo gốc, nên gửi lại cùng nội dung là an toàn.")
	@ApiResponse(responseCode = "202", description = "Đã rút lại (hoặc đã rút lại trước đó với cùng nội dung)")
	@ApiResponse(responseCode = "409", description = "Báo cáo đã bị rút lại, hoặc chưa ghi nhận xong")
	@ApiResponse(responseCode = "422", description = "Không có báo cáo gốc này của đơn vị")
	@PostMapping(path = RETRACT_PATH, consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<ProgressAccepted> retract(
			@Parameter(description = "eventId của báo cáo gốc cần rút lại") @PathVariable String eventId, Caller caller,
			@RequestBody RetractionRequest retraction);

}
