package vn.gov.cchc.report.dashboard;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the dashboard, {@code cchc.report.dashboard.*}.
 *
 * @param stream the live figures stream
 */
@ConfigurationProperties("cchc.report.dashboard")
record DashboardProperties(@DefaultValue Stream stream) {

	/**
	 * The live stream's limits.
	 *
	 * @param maxSubscribers open streams at most; one more is refused with 503 (each
	 * holds a connection and a servlet async context)
	 * @param heartbeat how often an idle stream gets a comment, so that proxies keep it
	 * open and a dead client is noticed
	 * @param timeout how long a stream stays open; the browser's EventSource reconnects
	 * @param senders threads pushing figures, off the Kafka consumer's thread
	 * @param queue changes waiting for a sender at most; more are dropped (counted in
	 * {@code cchc.dashboard.stream.dropped}), the next change carries fresh figures
	 */
	record Stream(@DefaultValue("1000") int maxSubscribers, @DefaultValue("15s") Duration heartbeat,
			@DefaultValue("30m") Duration timeout, @DefaultValue("2") int senders, @DefaultValue("1000") int queue) {

	}

}
