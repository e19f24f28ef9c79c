package vn.gov.cchc.gateway.limit;

/**
 * A streamed request body went past the limit.
 */
class BodyTooLargeException extends RuntimeException {

	BodyTooLargeException(long limit) {
		super("Request body larger than " + limit + " bytes", null, false, false);
	}

}
