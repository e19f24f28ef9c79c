/**
 * RFC 9457 problem responses shared by every feature: the one shape of every error this
 * service answers, with the offending fields named by their JSON path.
 */
@NullMarked
package vn.gov.cchc.plan.problem;

import org.jspecify.annotations.NullMarked;
