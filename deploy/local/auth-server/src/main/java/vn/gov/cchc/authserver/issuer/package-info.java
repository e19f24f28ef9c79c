/**
 * The OAuth 2.1 and OpenID Connect side: the protocol endpoints, the registered clients
 * (the gateway's dashboard client and the communes' machine clients), the signing key,
 * and the claims every token carries ({@code unit}, {@code roles}, {@code name}).
 */
@NullMarked
package vn.gov.cchc.authserver.issuer;

import org.jspecify.annotations.NullMarked;
