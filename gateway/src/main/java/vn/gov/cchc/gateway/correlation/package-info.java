/**
 * The correlation id that ties a request's log lines together across the gateway and the
 * services.
 */
@NullMarked
package vn.gov.cchc.gateway.correlation;

import org.jspecify.annotations.NullMarked;
