package vn.gov.cchc.report.counting;

import java.util.List;

import vn.gov.cchc.report.unit.Units;
import vn.gov.cchc.security.Caller;
import vn.gov.cchc.security.ReadScope;
import vn.gov.cchc.security.ScopeDeniedException;
import vn.gov.cchc.web.ProblemException;
import vn.gov.cchc.web.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/admin/totals:rebuild}: counts every figure again from the log
 * ({@link CountingReset}). Answers 202 once the counting has started again from offset 0;
 * the figures then grow back as fast as the counting reads. An operator's endpoint,
 * deliberately not behind actuator (it changes data) and not routed by the gateway; for
 * an administrator (the role is checked by the security filters) of a province this
 * service knows.
 */
@RestController
class CountingResetController {

	private final CountingReset reset;

	private final Units units;

	CountingResetController(CountingReset reset, Units units) {
		this.reset = reset;
		this.units = units;
	}

	@PostMapping("/api/v1/admin/totals:rebuild")
	@ResponseStatus(HttpStatus.ACCEPTED)
	CountingReset.ResetResult rebuild(Caller caller) {
		if (ReadScope.of(caller, this.units.pathsEver()).root().isEmpty()) {
			throw new ScopeDeniedException("Authorization", "Tài khoản quản trị của đơn vị " + caller.unitCode()
					+ " không quản lý tỉnh nào có dữ liệu trong dịch vụ này.");
		}
		try {
			return this.reset.reset();
		}
		catch (CountingReset.CountingBusyException ex) {
			throw new ProblemException(Problems.conflict("counting-busy", "Dịch vụ khác vẫn đang đếm số liệu",
					"Còn phiên bản khác của dịch vụ báo cáo đang đếm số liệu; hãy dừng các phiên bản đó trước khi dựng lại.",
					List.of()));
		}
	}

}
