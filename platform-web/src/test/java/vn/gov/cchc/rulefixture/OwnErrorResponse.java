package vn.gov.cchc.rulefixture;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

class OwnErrorResponse extends ErrorResponseException {

	OwnErrorResponse() {
		super(HttpStatus.NOT_FOUND);
	}

}
