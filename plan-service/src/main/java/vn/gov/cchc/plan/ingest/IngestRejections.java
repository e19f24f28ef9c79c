package vn.gov.cchc.plan.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import vn.gov.cchc.web.Problems;

import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Counts rejected progress reports by the problem they were answered with. Counted here,
 * after the response is decided, because many rejections (malformed JSON, a body over the
 * cap) happen before the controller method runs.
 */
class IngestRejections implements HandlerInterceptor {

	private final MeterRegistry meters;

	IngestRejections(MeterRegistry meters) {
		this.meters = meters;
	}

	@Override
	public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
			@Nullable Exception ex) {
		if (response.getStatus() < 400) {
			return;
		}
		Object slug = request.getAttribute(Problems.ANSWERED_SLUG_ATTRIBUTE);
		String reason = (slug instanceof String text) ? text : "status-" + response.getStatus();
		Counter.builder("cchc.ingest.rejected")
			.description("Progress reports answered with a problem, by its type")
			.tag("reason", reason)
			.register(this.meters)
			.increment();
	}

}
