/**
 * Development stand-ins for the outside providers of notification-service on one box: a
 * mail server with the archive mailbox, and an SMS gateway. Never part of a service: the
 * service reaches them over SMTP, IMAP and HTTP only, exactly as it would reach the real
 * providers.
 */
@NullMarked
package vn.gov.cchc.devproviders;

import org.jspecify.annotations.NullMarked;
