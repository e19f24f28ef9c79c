/**
 * RFC 9457 problem responses written by the gateway itself, in platform-web's vocabulary
 * and with its own kinds ({@link vn.gov.cchc.gateway.problem.GatewayProblems}): unknown
 * paths, refused requests and backends that cannot be reached. A client never sees a
 * stack trace from the gateway.
 */
@NullMarked
package vn.gov.cchc.gateway.problem;

import org.jspecify.annotations.NullMarked;
