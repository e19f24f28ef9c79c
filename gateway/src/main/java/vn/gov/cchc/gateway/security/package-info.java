/**
 * Who may pass the gateway: bearer JWTs of the platform's issuer for API clients and
 * commune systems, a login through the issuer for the dashboard's browsers (the gateway
 * is their OAuth2 client and relays their access token), coarse role rules per path (each
 * service checks units itself), CORS for the dashboard and security headers.
 */
@NullMarked
package vn.gov.cchc.gateway.security;

import org.jspecify.annotations.NullMarked;
