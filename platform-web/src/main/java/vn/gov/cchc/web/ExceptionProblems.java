package vn.gov.cchc.web;

import org.jspecify.annotations.Nullable;

/**
 * Says which problem answers an exception the handler does not know, for failures whose
 * meaning a module or a service knows (the store or the broker away is a 503, not a 500).
 * Declared as beans; the first that answers wins.
 */
@FunctionalInterface
public interface ExceptionProblems {

	/**
	 * @param ex what a request failed with (its causes are not searched)
	 * @return the problem to answer, or {@code null} if this mapping does not know it
	 */
	@Nullable ProblemException problemFor(Exception ex);

}
