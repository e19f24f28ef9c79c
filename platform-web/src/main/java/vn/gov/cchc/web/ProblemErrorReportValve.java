package vn.gov.cchc.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/**
 * Tomcat's error report as a problem instead of its HTML page, for the requests Tomcat
 * answers itself without passing them to the application: a path with NUL, an encoded
 * {@code /} or bytes that are no UTF-8 (an overlong {@code %C0%AF}), a malformed request
 * line. The path at fault is named {@value #PATH}.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

	/** What names the request's path as the part at fault. */
	static final String PATH = "path";

	public ProblemErrorReportValve() {
		setShowReport(false);
		setShowServerInfo(false);
	}

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int status = response.getStatus();
		if (status < 400 || response.getContentWritten() > 0) {
			return;
		}
		AtomicBoolean ioAllowed = new AtomicBoolean(true);
		response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
		if (!ioAllowed.get()) {
			return;
		}
		try {
			Writer writer = response.getReporter();
			if (writer == null) {
				return;
			}
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.setCharacterEncoding(StandardCharsets.UTF_8.name());
			String instance = (request.getDecodedRequestURIMB().isNull()) ? "" : request.getDecodedRequestURI();
			writer.write(new String(ProblemResponses.bytes(instance, problem(status)), StandardCharsets.UTF_8));
			response.finishResponse();
		}
		catch (IOException | IllegalStateException ex) {
			// The client is gone or the response already started: nothing more to say.
		}
	}

	private static ProblemDetail problem(int status) {
		if (status == HttpStatus.BAD_REQUEST.value()) {
			return Problems.MALFORMED_REQUEST.problem(
					"Đường dẫn hoặc dòng yêu cầu không hợp lệ: mã % sai, byte không phải UTF-8, ký tự NUL hay dấu / được mã hoá.",
					List.of(new FieldError(PATH, "Đường dẫn chứa ký tự không được phép.")));
		}
		HttpStatus known = HttpStatus.resolve(status);
		HttpStatus resolved = (known != null) ? known : HttpStatus.INTERNAL_SERVER_ERROR;
		return resolved.is4xxClientError()
				? new ProblemType(resolved, Problems.BAD_REQUEST.slug(), Problems.BAD_REQUEST.title()).problem(
						"Máy chủ không nhận yêu cầu này.", List.of(new FieldError(PATH, resolved.getReasonPhrase())))
				: new ProblemType(resolved, Problems.INTERNAL_ERROR.slug(), Problems.INTERNAL_ERROR.title())
					.problem("Máy chủ gặp lỗi ngoài dự kiến; vui lòng thử lại sau.", List.of());
	}

}
