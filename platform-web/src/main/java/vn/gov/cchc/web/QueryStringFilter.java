package vn.gov.cchc.web;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers a query string that does not decode ({@link QueryStrings}) with a 400 problem
 * naming the parameter, before anything reads the parameters: Tomcat would fail that read
 * with an exception no handler knows, a 500.
 */
class QueryStringFilter extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String query = request.getQueryString();
		FieldError fault = (query != null) ? QueryStrings.firstFault(query) : null;
		if (fault == null) {
			chain.doFilter(request, response);
			return;
		}
		ProblemResponses.write(response, request.getRequestURI(), Problems.MALFORMED_REQUEST
			.problem("Chuỗi truy vấn có tham số không giải mã được theo UTF-8.", List.of(fault)));
	}

}
