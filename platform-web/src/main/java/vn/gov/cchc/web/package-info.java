/**
 * What every service answers the same way when a request cannot be served: RFC 9457
 * problems with a stable {@code type} under {@value vn.gov.cchc.web.Problems#TYPE_BASE},
 * Vietnamese {@code title} and {@code detail}, the request path as {@code instance}, and
 * {@code errors} naming each offending field by its JSON path
 * ({@link vn.gov.cchc.web.FieldError}). A feature throws a
 * {@link vn.gov.cchc.web.ProblemException}; the one servlet handler renders it, and
 * Spring MVC's and Bean Validation's own errors, in that shape; the gateway (WebFlux)
 * writes the same types itself. Request bodies are capped before they are read.
 */
@NullMarked
package vn.gov.cchc.web;

import org.jspecify.annotations.NullMarked;
