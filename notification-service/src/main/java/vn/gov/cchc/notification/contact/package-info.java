/**
 * The contact directory: who answers for each unit and how to reach them, and the unit
 * tree over time ({@link vn.gov.cchc.notification.contact.UnitTree}) that decides who may
 * read a unit's contacts, reminders and deliveries. Both are built only from the unit
 * events on {@code cchc.units}, so they can be rebuilt from the compacted topic at any
 * time, and are read by the reminders and by {@code GET /api/v1/contacts}.
 */
@NullMarked
package vn.gov.cchc.notification.contact;

import org.jspecify.annotations.NullMarked;
