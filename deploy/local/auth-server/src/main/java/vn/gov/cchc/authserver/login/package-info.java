/**
 * The pages people see at the issuer, in Vietnamese: the login form the gateway sends
 * them to, and a start page for someone who opens the issuer directly.
 */
@NullMarked
package vn.gov.cchc.authserver.login;

import org.jspecify.annotations.NullMarked;
