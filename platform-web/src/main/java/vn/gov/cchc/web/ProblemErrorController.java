package vn.gov.cchc.web;

import java.io.IOException;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The error page, for what fails outside the dispatcher (a filter's exception, a
 * container's {@code sendError}): the problem of its status, in place of Boot's own error
 * JSON. Written as bytes, so that whatever the client accepts it gets the problem.
 */
@Controller
class ProblemErrorController implements ErrorController {

	@RequestMapping("${server.error.path:${error.path:/error}}")
	void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		int status = (code instanceof Integer value && value >= 400) ? value : 500;
		ProblemResponses.write(response, (uri != null) ? uri.toString() : request.getRequestURI(),
				ProblemHandler.framework(HttpStatusCode.valueOf(status)));
	}

}
