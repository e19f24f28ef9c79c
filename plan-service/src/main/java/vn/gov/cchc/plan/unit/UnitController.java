package vn.gov.cchc.plan.unit;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import vn.gov.cchc.events.UnitDetails;
import vn.gov.cchc.security.Caller;
import vn.gov.cchc.security.ReadScope;
import vn.gov.cchc.security.Role;
import vn.gov.cchc.security.ScopeDeniedException;
import vn.gov.cchc.web.FieldError;
import vn.gov.cchc.web.ProblemException;
import vn.gov.cchc.web.Problems;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The unit tree over HTTP: registration of whole states, and the tree as it was on a day.
 * Only administrators write; a read shows only the units the caller may read, on the tree
 * the read is about (see {@link UnitTree}).
 */
@RestController
@Tag(name = UnitApi.TAG,
		description = "Cây đơn vị theo ngày: đăng ký, nhập hàng loạt, sáp nhập, chia tách, chuyển. Chỉ quản trị "
				+ "viên (admin) được ghi; cán bộ (officer) xem đơn vị mình và các đơn vị trực thuộc, thẩm định viên "
				+ "(reviewer) và quản trị viên xem cả tỉnh.")
@ApiResponse(responseCode = "403",
		description = "Vai trò không được làm việc này (chỉ quản trị viên được ghi), hoặc đơn vị ngoài phạm vi "
				+ "được xem (errors nêu code)")
class UnitController {

	private final UnitRegistration registration;

	private final Units units;

	private final UnitDirectory directory;

	private final Clock clock;

	UnitController(UnitRegistration registration, Units units, UnitDirectory directory, Clock clock) {
		this.registration = registration;
		this.units = units;
		this.directory = directory;
		this.clock = clock;
	}

	/**
	 * Registers new units and changes known ones. 202 because the reads catch up from the
	 * topic a moment after the broker acknowledged the events.
	 */
	@PutMapping(path = UnitApi.UNITS, consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Đăng ký hoặc thay đổi một lô đơn vị (tất cả hoặc không)",
			description = "Mỗi phần tử là toàn bộ trạng thái của một đơn vị. Đơn vị mới được công bố UnitRegistered, "
					+ "đơn vị đổi trạng thái được công bố UnitChanged, đơn vị gửi lại y nguyên không công bố gì. "
					+ "Một lỗi bất kỳ làm cả lô bị từ chối.")
	@ApiResponse(responseCode = "202", description = "Đã công bố lên cchc.units; phần đọc cập nhật sau giây lát")
	@ApiResponse(responseCode = "400",
			description = "Trường không hợp lệ (errors nêu từng trường, ví dụ [2].parentCode)")
	@ApiResponse(responseCode = "409", description = "Mã đơn vị đã thuộc về một đơn vị loại khác")
	@ApiResponse(responseCode = "422",
			description = "Lô không khớp cây đơn vị (đơn vị được tham chiếu không có, vòng lặp)")
	@ApiResponse(responseCode = "503", description = "Kafka chưa xác nhận; gửi lại y nguyên sau")
	ResponseEntity<RegistrationResult> registerOrChange(@RequestBody List<@Nullable UnitRequest> units) {
		return ResponseEntity.accepted().body(this.registration.register(units));
	}

	@GetMapping(path = UnitApi.UNITS, produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Cây đơn vị vào một ngày",
			description = "Các đơn vị tồn tại vào ngày on (mặc định hôm nay theo giờ Việt Nam) mà người gọi được "
					+ "xem theo cây của ngày đó, theo mã; parentCode của từng đơn vị là đơn vị cấp trên vào ngày đó. "
					+ "Đơn vị của người gọi không tồn tại vào ngày đó thì danh sách rỗng.")
	@ApiResponse(responseCode = "200", description = "Các đơn vị tồn tại vào ngày đó")
	@ApiResponse(responseCode = "400", description = "Tham số on không phải ngày YYYY-MM-DD")
	List<UnitOnDay> tree(Caller caller, @Parameter(description = "Ngày, dạng YYYY-MM-DD",
			example = "2025-06-30") @RequestParam(required = false) @Nullable String on) {
		LocalDate day = day(on);
		return readable(caller, this.units.findOn(day), day);
	}

	@GetMapping(path = UnitApi.UNIT, produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Một đơn vị",
			description = "Toàn bộ trạng thái của đơn vị, kể cả khi đơn vị đã kết thúc; parentCodeOn là đơn vị cấp trên "
					+ "vào ngày on (mặc định hôm nay), không có nếu đơn vị không tồn tại vào ngày đó. Người gọi được xem "
					+ "đơn vị nếu được xem nó vào bất kỳ ngày nào nó tồn tại.")
	@ApiResponse(responseCode = "200", description = "Đơn vị")
	@ApiResponse(responseCode = "400", description = "Tham số on không phải ngày YYYY-MM-DD")
	@ApiResponse(responseCode = "404", description = "Không có đơn vị mang mã này")
	UnitView one(Caller caller, @PathVariable String code,
			@Parameter(description = "Ngày, dạng YYYY-MM-DD") @RequestParam(required = false) @Nullable String on) {
		LocalDate day = day(on);
		// From the directory, which reads cchc.units ahead of the units view: a unit is
		// readable here as soon as progress for it is accepted.
		UnitDetails unit = this.directory.find(code).orElseThrow(() -> notFound(code));
		requireReadable(caller, code);
		return UnitView.of(unit, day);
	}

	@GetMapping(path = UnitApi.UNIT + "/children", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Các đơn vị trực thuộc vào một ngày",
			description = "Các đơn vị tồn tại vào ngày on (mặc định hôm nay) mà đơn vị cấp trên vào ngày đó là đơn vị này; "
					+ "parentCode của từng đơn vị là đơn vị cấp trên vào ngày đó. Người gọi phải được xem đơn vị này; "
					+ "danh sách chỉ gồm các đơn vị được xem theo cây của ngày on.")
	@ApiResponse(responseCode = "200", description = "Các đơn vị trực thuộc, theo mã")
	@ApiResponse(responseCode = "400", description = "Tham số on không phải ngày YYYY-MM-DD")
	@ApiResponse(responseCode = "404", description = "Không có đơn vị mang mã này")
	List<UnitOnDay> children(Caller caller, @PathVariable String code,
			@Parameter(description = "Ngày, dạng YYYY-MM-DD") @RequestParam(required = false) @Nullable String on) {
		LocalDate day = day(on);
		if (this.units.find(code).isEmpty()) {
			throw notFound(code);
		}
		requireReadable(caller, code);
		return readable(caller, this.units.childrenOn(code, day), day);
	}

	/** The units the caller may read on the tree of the day. */
	private List<UnitOnDay> readable(Caller caller, List<UnitDetails> units, LocalDate day) {
		ReadScope scope = ReadScope.of(caller, this.units.tree().knowing(units).on(day));
		return units.stream()
			.filter((unit) -> caller.has(Role.ADMIN) || scope.covers(unit.code()))
			.map((unit) -> UnitOnDay.of(unit, day))
			.toList();
	}

	/**
	 * Refuses with 403 unless the caller may read the unit on some day of its life: a
	 * unit's record spans its whole life, whatever day the read names. Unit codes are
	 * official and public, so an unknown one is answered 404 before this. An
	 * administrator reads every unit, as it may write every unit.
	 */
	private void requireReadable(Caller caller, String code) {
		if (!caller.has(Role.ADMIN) && !ReadScope.of(caller, this.directory.tree().overLifetime()).covers(code)) {
			throw new ScopeDeniedException("code",
					"Tài khoản của đơn vị " + caller.unitCode() + " không được xem thông tin của đơn vị " + code + ".");
		}
	}

	private LocalDate day(@Nullable String on) {
		if (on == null || on.isBlank()) {
			return UnitApi.dayOrToday(null, this.clock);
		}
		try {
			return LocalDate.parse(on.strip());
		}
		catch (DateTimeParseException ex) {
			throw new ProblemException(
					Problems.invalid(List.of(new FieldError("on", "Phải là một ngày có thật dạng \"YYYY-MM-DD\"."))));
		}
	}

	static ProblemException notFound(String code) {
		return new ProblemException(Problems.notFound("unit-not-found", "Không tìm thấy đơn vị",
				"Không có đơn vị nào mang mã " + code + "."));
	}

}
