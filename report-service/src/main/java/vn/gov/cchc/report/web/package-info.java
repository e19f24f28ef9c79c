/**
 * Reading request parameters the way every endpoint does: a unit code, a plan id, a date
 * or a range that does not fit is a 400 problem of platform-web's vocabulary naming the
 * parameter in Vietnamese, rather than a framework conversion message.
 */
@NullMarked
package vn.gov.cchc.report.web;

import org.jspecify.annotations.NullMarked;
