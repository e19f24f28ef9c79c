/**
 * RFC 9457 problem responses in the shape every CCHC service shares: a
 * {@code https://cchc.gov.vn/problems/<slug>} type, Vietnamese title and detail, the
 * request path as instance, and an {@code errors} array naming the offending fields.
 */
@NullMarked
package vn.gov.cchc.report.problem;

import org.jspecify.annotations.NullMarked;
