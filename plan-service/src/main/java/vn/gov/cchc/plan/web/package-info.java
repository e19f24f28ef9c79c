/**
 * Web concerns every feature shares: the answer when the event bus does not take an
 * event. Knows no feature; the features declare their own
 * {@link vn.gov.cchc.web.BodyLimit}s for bulk endpoints, and their own
 * {@link vn.gov.cchc.security.EndpointRules} of which roles may call them.
 */
@NullMarked
package vn.gov.cchc.plan.web;

import org.jspecify.annotations.NullMarked;
