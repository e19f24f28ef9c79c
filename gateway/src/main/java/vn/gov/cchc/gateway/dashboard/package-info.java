/**
 * The provincial dashboard: a page and its scripts, served by the gateway behind the
 * issuer's login; it reads the services' API through the gateway with the login's token.
 */
@NullMarked
package vn.gov.cchc.gateway.dashboard;

import org.jspecify.annotations.NullMarked;
