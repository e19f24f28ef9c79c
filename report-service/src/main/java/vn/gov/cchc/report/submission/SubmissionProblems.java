package vn.gov.cchc.report.submission;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

import vn.gov.cchc.report.web.Requests;
import vn.gov.cchc.web.FieldError;
import vn.gov.cchc.web.ProblemException;
import vn.gov.cchc.web.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * The problems of the submission endpoints, each naming the field or rule.
 */
final class SubmissionProblems {

	private SubmissionProblems() {
	}

	/**
	 * A rule of who may do what that the caller's token breaks.
	 * @param field the request field naming what the caller may not read or act on
	 */
	static ProblemException forbidden(String field, String rule) {
		ProblemDetail problem = Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Không có quyền", rule,
				List.of(new FieldError(field, "Tài khoản không có quyền thực hiện thao tác này")));
		problem.setProperty("rule", rule);
		return new ProblemException(problem);
	}

	static ProblemException unknownSubmission(String id) {
		return Requests.notFound("id", "unknown-submission", "Không tìm thấy báo cáo",
				"Không có báo cáo nào mang mã " + id + ".");
	}

	static ProblemException wrongState(Action action, SubmissionStatus current) {
		String allowed = action.from()
			.stream()
			.map((status) -> "«" + status.label() + "»")
			.collect(Collectors.joining(" hoặc "));
		ProblemDetail problem = Problems.conflict("wrong-state", "Trạng thái báo cáo không phù hợp",
				"Báo cáo đang ở trạng thái «" + current.label() + "»; chỉ được " + action.verb()
						+ " khi báo cáo ở trạng thái " + allowed + ".",
				List.of(new FieldError("status", "Đang ở trạng thái «" + current.label() + "»")));
		problem.setProperty("status", current.name());
		return new ProblemException(problem);
	}

	static ProblemException stale(long given, long current) {
		ProblemDetail problem = Problems.conflict(
				"stale-revision", "Báo cáo đã bị thay đổi", "Báo cáo đã được thay đổi sau khi anh/chị mở (phiên bản "
						+ given + ", hiện tại " + current + "); vui lòng tải lại rồi sửa tiếp.",
				List.of(new FieldError("revision", "Phiên bản đã cũ")));
		problem.setProperty("currentRevision", current);
		return new ProblemException(problem);
	}

	static ProblemException concurrentChange() {
		return new ProblemException(Problems.conflict("concurrent-change", "Báo cáo vừa bị thay đổi",
				"Báo cáo vừa được người khác thay đổi; vui lòng tải lại rồi thử lại.", List.of()));
	}

	static ProblemException incomplete(String field, String message) {
		return new ProblemException(Problems.conflict("incomplete-report", "Báo cáo chưa đủ nội dung",
				"Chưa nộp được báo cáo: " + message + ".", List.of(new FieldError(field, message))));
	}

	static ProblemException invalid(String field, String message) {
		return new ProblemException(Problems.of(HttpStatus.BAD_REQUEST, "invalid-field", "Dữ liệu không hợp lệ",
				"Trường " + field + " không hợp lệ: " + message + ".", List.of(new FieldError(field, message))));
	}

	static ProblemException invalidFields(List<FieldError> errors) {
		return new ProblemException(
				Problems.of(HttpStatus.BAD_REQUEST, "invalid-field", "Dữ liệu không hợp lệ",
						"Có " + errors.size() + " trường không hợp lệ: "
								+ errors.stream().map(FieldError::field).collect(Collectors.joining(", ")) + ".",
						errors));
	}

	static ProblemException notAPeriodOfThePlan(String periodId, String planId) {
		return invalid("period", "Kỳ " + periodId + " không phải là kỳ báo cáo của kế hoạch " + planId);
	}

	static ProblemException periodNotEnded(String periodId, LocalDate end) {
		return new ProblemException(Problems.conflict("period-not-ended", "Kỳ báo cáo chưa kết thúc",
				"Kỳ " + periodId + " chốt số liệu ngày " + end + "; chỉ mở được kỳ báo cáo sau ngày đó.",
				List.of(new FieldError("period", "Chưa qua ngày chốt số liệu"))));
	}

}
