package vn.gov.cchc.plan.unit;

import java.util.function.UnaryOperator;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Bulk import of units from CSV or JSON, row by row. Its body may be larger than other
 * requests' ({@code cchc.units.import-max-body-bytes}, 16 MiB by default: a whole country
 * in CSV is about 1.5 MB).
 */
@RestController
@Tag(name = UnitApi.TAG)
@ApiResponse(responseCode = "403", description = "Chỉ quản trị viên (admin) được thay đổi cây đơn vị")
class UnitImportController {

	static final String CSV = "text/csv";

	private static final String DESCRIPTION = "Khác PUT (tất cả hoặc không), mỗi dòng hợp lệ được công bố, mỗi dòng "
			+ "không hợp lệ được trả về trong rejected kèm lý do (cột hoặc đường dẫn JSON, và thông báo). Mã xuất hiện ở "
			+ "nhiều dòng bị từ chối ở mọi dòng; dòng có đơn vị cấp trên (hoặc đơn vị được tham chiếu) bị từ chối và chưa "
			+ "đăng ký cũng bị từ chối. CSV: UTF-8, RFC 4180, dòng tiêu đề với các cột code, name, kind, parentCode, "
			+ "validFrom, validTo, contactPerson, email, phone, groups (commune-radio-stations=1;commune-post-offices=1), "
			+ "predecessorCodes, successorCodes (cách nhau bởi ;), parentHistory (256=2008-01-01/2025-06-30;...); row là "
			+ "số thứ tự bản ghi, dòng tiêu đề là 1. JSON: mảng như của PUT; row là chỉ số phần tử.";

	private final UnitImport unitImport;

	private final JsonMapper json;

	UnitImportController(UnitImport unitImport, JsonMapper json) {
		this.unitImport = unitImport;
		this.json = json;
	}

	@PostMapping(path = UnitApi.IMPORT, consumes = CSV, produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Nhập đơn vị hàng loạt từ CSV", description = DESCRIPTION)
	@ApiResponse(responseCode = "200",
			description = "Kết quả từng dòng: số đơn vị mới, thay đổi, giữ nguyên và các dòng bị từ chối")
	@ApiResponse(responseCode = "400",
			description = "Tệp không đọc được (không phải UTF-8, nháy kép không đóng, dòng tiêu đề sai)")
	@ApiResponse(responseCode = "413", description = "Tệp vượt quá giới hạn kích thước của đường dẫn nhập")
	@ApiResponse(responseCode = "503", description = "Kafka chưa xác nhận; gửi lại y nguyên sau")
	ImportResult importCsv(@RequestBody byte[] body) {
		return this.unitImport.importRows(UnitCsv.read(body), UnitCsv::toColumn);
	}

	@PostMapping(path = UnitApi.IMPORT, consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Nhập đơn vị hàng loạt từ JSON", description = DESCRIPTION)
	@ApiResponse(responseCode = "200",
			description = "Kết quả từng phần tử: số đơn vị mới, thay đổi, giữ nguyên và các phần tử bị từ chối")
	@ApiResponse(responseCode = "400", description = "Nội dung không phải một mảng JSON")
	@ApiResponse(responseCode = "413", description = "Nội dung vượt quá giới hạn kích thước của đường dẫn nhập")
	@ApiResponse(responseCode = "503", description = "Kafka chưa xác nhận; gửi lại y nguyên sau")
	ImportResult importJson(@RequestBody JsonNode body) {
		return this.unitImport.importRows(ImportJson.read(body, this.json), UnaryOperator.identity());
	}

}
