/**
 * Plans (kế hoạch): drafts, issue, amendments and closing, every issued version kept, and
 * the plan events published through an outbox kept in the plan's own document.
 */
@NullMarked
package vn.gov.cchc.plan.plan;

import org.jspecify.annotations.NullMarked;
