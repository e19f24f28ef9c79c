/**
 * Who is calling a service and what they may see: the issuer's JWT taken apart into a
 * {@link vn.gov.cchc.security.Caller}, the caller's
 * {@link vn.gov.cchc.security.ReadScope} over the unit tree, and RFC 9457 answers when a
 * request has no valid token (401) or asks for what its token does not allow (403).
 */
@NullMarked
package vn.gov.cchc.security;

import org.jspecify.annotations.NullMarked;
