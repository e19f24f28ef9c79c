package vn.gov.cchc.gateway.problem;

import vn.gov.cchc.web.ProblemType;

import org.springframework.http.HttpStatus;

/**
 * The kinds of problem only the gateway answers, beside platform-web's and
 * platform-security's: limits at the edge and backends that fail.
 */
public final class GatewayProblems {

	/** A body over the edge's limit, before any of it reaches a service. */
	public static final ProblemType BODY_TOO_LARGE = new ProblemType(HttpStatus.CONTENT_TOO_LARGE, "body-too-large",
			"Nội dung yêu cầu quá lớn");

	public static final ProblemType RATE_LIMITED = new ProblemType(HttpStatus.TOO_MANY_REQUESTS, "rate-limited",
			"Gửi quá nhiều yêu cầu");

	public static final ProblemType BAD_GATEWAY = new ProblemType(HttpStatus.BAD_GATEWAY, "bad-gateway",
			"Lỗi từ dịch vụ phía sau");

	public static final ProblemType GATEWAY_TIMEOUT = new ProblemType(HttpStatus.GATEWAY_TIMEOUT, "gateway-timeout",
			"Dịch vụ không trả lời kịp");

	private GatewayProblems() {
	}

}
