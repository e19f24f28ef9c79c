/**
 * Web concerns every feature shares: the cap on request bodies, and the bearer-token
 * scheme of the API documents. Knows no feature; the features declare their own
 * {@link vn.gov.cchc.plan.web.BodyLimit}s, and their own
 * {@link vn.gov.cchc.security.EndpointRules} of which roles may call them.
 */
@NullMarked
package vn.gov.cchc.plan.web;

import org.jspecify.annotations.NullMarked;
