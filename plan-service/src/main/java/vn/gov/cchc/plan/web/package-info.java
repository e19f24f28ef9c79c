/**
 * Web concerns every feature shares: the cap on request bodies. Knows no feature; the
 * features declare their own {@link vn.gov.cchc.plan.web.BodyLimit}s.
 */
@NullMarked
package vn.gov.cchc.plan.web;

import org.jspecify.annotations.NullMarked;
