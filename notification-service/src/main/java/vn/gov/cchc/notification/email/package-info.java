/**
 * Reminder digests by email: the Vietnamese and English messages rendered from Thymeleaf
 * templates, sent over SMTP with Spring's {@code JavaMailSender} under a Message-ID made
 * from the delivery id, with a blind copy to the archive mailbox that later tells whether
 * a message whose outcome was lost went out.
 */
@NullMarked
package vn.gov.cchc.notification.email;

import org.jspecify.annotations.NullMarked;
