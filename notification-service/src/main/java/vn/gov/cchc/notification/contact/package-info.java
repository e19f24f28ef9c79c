/**
 * The contact directory: who answers for each unit and how to reach them. Built only from
 * the unit events on {@code cchc.units}, so it can be rebuilt from the compacted topic at
 * any time, and read by the reminders and by {@code GET /api/v1/contacts}.
 */
@NullMarked
package vn.gov.cchc.notification.contact;

import org.jspecify.annotations.NullMarked;
