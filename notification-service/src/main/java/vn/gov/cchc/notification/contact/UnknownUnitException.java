package vn.gov.cchc.notification.contact;

import java.util.List;

import vn.gov.cchc.notification.problem.FieldProblem;
import vn.gov.cchc.notification.problem.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * No unit event has told this service about the unit.
 */
class UnknownUnitException extends ErrorResponseException {

	UnknownUnitException(String unitCode) {
		super(HttpStatus.NOT_FOUND,
				Problems.problem(HttpStatus.NOT_FOUND, "unit-not-found", "Không tìm thấy đơn vị",
						"Chưa có thông tin liên hệ của đơn vị có mã '" + unitCode + "'.",
						List.of(new FieldProblem("unitCode", "Mã đơn vị '" + unitCode + "' chưa được đăng ký."))),
				null);
	}

}
