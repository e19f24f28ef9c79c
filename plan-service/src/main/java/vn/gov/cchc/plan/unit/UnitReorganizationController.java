package vn.gov.cchc.plan.unit;

import java.time.Clock;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.gov.cchc.events.UnitDetails;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reorganisations of the tree over HTTP: merge, split, move. 202 because the reads catch
 * up from the topic a moment after the broker acknowledged the events.
 */
@RestController
@Tag(name = UnitApi.TAG)
@ApiResponse(responseCode = "403", description = "Chỉ quản trị viên (admin) được thay đổi cây đơn vị")
class UnitReorganizationController {

	private final UnitReorganization reorganization;

	private final Clock clock;

	UnitReorganizationController(UnitReorganization reorganization, Clock clock) {
		this.reorganization = reorganization;
		this.clock = clock;
	}

	@PostMapping(path = UnitApi.MERGE, consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Sáp nhập nhiều đơn vị thành một đơn vị mới",
			description = "Các đơn vị tiền thân kết thúc ngày trước effectiveOn (validTo) và ghi successorCodes; đơn vị "
					+ "kế thừa (mã mới) bắt đầu ngày effectiveOn và ghi predecessorCodes. Công bố UnitsMerged (khóa là mã "
					+ "đơn vị kế thừa) rồi trạng thái của từng đơn vị. Gửi lại y nguyên là an toàn.")
	@ApiResponse(responseCode = "202", description = "Đã công bố lên cchc.units")
	@ApiResponse(responseCode = "400", description = "Trường không hợp lệ")
	@ApiResponse(responseCode = "409",
			description = "Mã kế thừa đã có (unit-code-reused), đơn vị tiền thân đã được đơn vị "
					+ "khác kế thừa (unit-already-ended) hoặc còn đơn vị trực thuộc vào ngày effectiveOn (unit-has-children)")
	@ApiResponse(responseCode = "422",
			description = "Đơn vị tiền thân không có hoặc không tồn tại ngày trước effectiveOn; "
					+ "đơn vị cấp trên của đơn vị kế thừa không có vào ngày effectiveOn")
	ResponseEntity<ReorganizationResult> merge(@RequestBody MergeRequest request) {
		return ResponseEntity.accepted().body(this.reorganization.merge(request));
	}

	@PostMapping(path = UnitApi.SPLIT, consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Chia tách một đơn vị thành nhiều đơn vị mới",
			description = "Đơn vị tiền thân kết thúc ngày trước effectiveOn và ghi successorCodes; các đơn vị kế thừa "
					+ "(mã mới) bắt đầu ngày effectiveOn. Công bố UnitsSplit (khóa là mã đơn vị tiền thân) rồi trạng thái "
					+ "của từng đơn vị. Gửi lại y nguyên là an toàn.")
	@ApiResponse(responseCode = "202", description = "Đã công bố lên cchc.units")
	@ApiResponse(responseCode = "400", description = "Trường không hợp lệ")
	@ApiResponse(responseCode = "409",
			description = "Mã kế thừa đã có, đơn vị đã được đơn vị khác kế thừa, hoặc còn đơn vị "
					+ "trực thuộc vào ngày effectiveOn")
	@ApiResponse(responseCode = "422",
			description = "Đơn vị tiền thân không có hoặc không tồn tại ngày trước effectiveOn")
	ResponseEntity<ReorganizationResult> split(@RequestBody SplitRequest request) {
		return ResponseEntity.accepted().body(this.reorganization.split(request));
	}

	@PostMapping(path = UnitApi.MOVE, consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Chuyển đơn vị sang đơn vị cấp trên khác",
			description = "Từ ngày effectiveOn đơn vị ở dưới parentCode; đơn vị cấp trên cũ được ghi vào parentHistory "
					+ "đến ngày trước đó. Chuyển sang đúng đơn vị cấp trên hiện tại thì không công bố gì.")
	@ApiResponse(responseCode = "202", description = "Trạng thái mới của đơn vị, đã công bố lên cchc.units")
	@ApiResponse(responseCode = "400", description = "Trường không hợp lệ")
	@ApiResponse(responseCode = "404", description = "Không có đơn vị mang mã này")
	@ApiResponse(responseCode = "422", description = "Đơn vị hoặc đơn vị cấp trên mới không tồn tại vào ngày đó, hoặc "
			+ "chuyển làm cây có vòng lặp")
	ResponseEntity<UnitView> move(@PathVariable String code, @RequestBody MoveRequest request) {
		UnitDetails moved = this.reorganization.move(code, request);
		// The move checked that effectiveOn is there; the view shows the unit on that
		// day.
		return ResponseEntity.accepted()
			.body(UnitView.of(moved, UnitApi.dayOrToday(request.effectiveOn(), this.clock)));
	}

}
