package vn.gov.cchc.plan.web;

import vn.gov.cchc.plan.cloudevent.PublishFailedException;
import vn.gov.cchc.web.ExceptionProblems;
import vn.gov.cchc.web.PlatformWebAutoConfiguration;
import vn.gov.cchc.web.ProblemException;
import vn.gov.cchc.web.Problems;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A request whose event the broker did not acknowledge was not taken: 503, so that the
 * client sends it again (with the same event id, so nothing is counted twice), rather
 * than a 500 that reads as the client's request being wrong or lost.
 */
@Configuration(proxyBeanMethods = false)
public class EventBusProblems {

	@Bean
	ExceptionProblems eventBusUnavailable() {
		return (ex) -> (ex instanceof PublishFailedException) ? new ProblemException(
				Problems.unavailable("event-bus-unavailable",
						"Hệ thống chuyển sự kiện (Kafka) chưa xác nhận đã nhận dữ liệu nên yêu cầu chưa được ghi nhận. "
								+ "Vui lòng gửi lại sau ít phút với đúng nội dung cũ."),
				PlatformWebAutoConfiguration.retryAfter()) : null;
	}

}
