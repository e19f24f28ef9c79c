package vn.gov.cchc.gateway.problem;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * Counts requests the gateway answered itself instead of with a backend's response, as
 * {@code cchc.gateway.rejected} tagged with the reason.
 */
@Component
public class Rejections {

	private final MeterRegistry meters;

	public Rejections(MeterRegistry meters) {
		this.meters = meters;
	}

	public void count(String reason) {
		Counter.builder("cchc.gateway.rejected")
			.description("Requests answered by the gateway itself, by reason")
			.tag("reason", reason)
			.register(this.meters)
			.increment();
	}

}
