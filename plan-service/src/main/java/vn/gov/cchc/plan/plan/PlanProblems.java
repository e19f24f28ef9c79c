package vn.gov.cchc.plan.plan;

import java.time.LocalDate;
import java.util.List;

import vn.gov.cchc.web.FieldError;
import vn.gov.cchc.web.ProblemException;
import vn.gov.cchc.web.Problems;

import org.springframework.http.HttpStatus;

/**
 * The problems of the plan API besides invalid content (which {@link PlanValidator}
 * answers).
 */
final class PlanProblems {

	private PlanProblems() {
	}

	static ProblemException notFound(String planId) {
		return new ProblemException(Problems.notFound("plan-not-found", "Không tìm thấy kế hoạch",
				"Không có kế hoạch nào mang mã " + planId + "."));
	}

	static ProblemException versionNotFound(String planId, int version) {
		return new ProblemException(Problems.notFound("plan-version-not-found", "Không tìm thấy phiên bản",
				"Kế hoạch " + planId + " không có phiên bản " + version + "."));
	}

	static ProblemException notDraft(String planId) {
		return new ProblemException(Problems.conflict("plan-not-draft", "Kế hoạch đã ban hành",
				"Kế hoạch " + planId + " đã ban hành nên chỉ sửa được bằng điều chỉnh (POST /api/v1/plans/" + planId
						+ ":amend), không sửa bằng PUT.",
				List.of()));
	}

	static ProblemException notIssued(String planId) {
		return new ProblemException(Problems.conflict("plan-not-issued", "Kế hoạch chưa ban hành",
				"Kế hoạch " + planId
						+ " mới là bản dự thảo: hãy ban hành (POST …:issue) trước; bản dự thảo được sửa bằng PUT.",
				List.of()));
	}

	static ProblemException closed(String planId) {
		return new ProblemException(Problems.conflict("plan-closed", "Kế hoạch đã kết thúc",
				"Kế hoạch " + planId + " đã kết thúc nên không điều chỉnh hay kết thúc lại được nữa.", List.of()));
	}

	static ProblemException alreadyIssued(String planId, LocalDate issuedOn) {
		return new ProblemException(Problems.conflict("plan-already-issued", "Kế hoạch đã ban hành", "Kế hoạch "
				+ planId + " đã ban hành ngày " + issuedOn
				+ "; gửi lại đúng ngày ban hành đó thì không có gì thay đổi, còn thay đổi nội dung thì dùng điều chỉnh.",
				List.of(new FieldError("issuedOn", "Kế hoạch đã ban hành ngày " + issuedOn + "."))));
	}

	static ProblemException modifiedConcurrently(String planId, long revision) {
		return new ProblemException(Problems.conflict("plan-modified-concurrently", "Kế hoạch vừa được thay đổi",
				"Kế hoạch " + planId + " đã được thay đổi sau lần đọc của bạn (phiên hiện tại " + revision
						+ "); hãy đọc lại kế hoạch rồi gửi lại thay đổi.",
				List.of(new FieldError("revision", "Phiên hiện tại là " + revision + "."))));
	}

	static ProblemException exists(String planId) {
		return new ProblemException(
				Problems.conflict("plan-exists", "Mã kế hoạch đã được dùng", "Đã có kế hoạch mang mã " + planId + ".",
						List.of(new FieldError("planId", "Mã kế hoạch đã được dùng."))));
	}

	static ProblemException tooLarge(String detail) {
		return new ProblemException(Problems.of(HttpStatus.CONTENT_TOO_LARGE, "plan-too-large", "Kế hoạch quá lớn",
				detail, List.of(new FieldError(FieldError.BODY, detail))));
	}

	static ProblemException invalid(List<FieldError> errors) {
		return new ProblemException(Problems.invalid(errors));
	}

}
