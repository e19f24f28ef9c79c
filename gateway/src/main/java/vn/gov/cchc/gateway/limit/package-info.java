/**
 * Limits at the edge: no request body larger than the limit reaches a service, whether
 * the client announces its length or streams it in chunks; and no client sends more
 * requests than its rate, without slowing the others.
 */
@NullMarked
package vn.gov.cchc.gateway.limit;

import org.jspecify.annotations.NullMarked;
