package vn.gov.cchc.notification.reminder;

import vn.gov.cchc.testing.TestTokens;

import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.client.RestTestClient;

/** The delivery log as province 27's administrator reads it over HTTP. */
final class DeliveryLog {

	private DeliveryLog() {
	}

	/**
	 * {@code GET /api/v1/deliveries} with the query, e.g. {@code channel=SMS&state=SENT}
	 * (up to 500 deliveries).
	 */
	static DeliveryLogController.DeliveryView[] read(RestTestClient http, String query) {
		return http.get()
			.uri("/api/v1/deliveries?limit=500&" + query)
			.header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(TestTokens.admin("27")))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(DeliveryLogController.DeliveryView[].class)
			.returnResult()
			.getResponseBody();
	}

}
