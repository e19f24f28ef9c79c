package vn.gov.cchc.web;

/**
 * A request path whose body may be larger (or must be smaller) than the service-wide cap
 * ({@code cchc.web.max-body-bytes}). A feature declares one as a bean for each of its
 * bulk endpoints, so the cap itself knows no feature.
 *
 * @param path the exact request path, e.g. {@code /api/v1/units:import}
 * @param maxBytes the largest body accepted on it
 */
public record BodyLimit(String path, long maxBytes) {

}
