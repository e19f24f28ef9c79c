/**
 * The request body limit: no request body larger than the limit reaches a service,
 * whether the client announces its length or streams it in chunks.
 */
@NullMarked
package vn.gov.cchc.gateway.limit;

import org.jspecify.annotations.NullMarked;
