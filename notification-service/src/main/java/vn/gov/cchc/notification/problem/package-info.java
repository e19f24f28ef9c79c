/**
 * RFC 9457 problem responses in Vietnamese for every error the web layer answers, so a
 * client never sees a stack trace or an English framework message.
 */
@NullMarked
package vn.gov.cchc.notification.problem;

import org.jspecify.annotations.NullMarked;
