package vn.gov.cchc.notification.email;

/**
 * A rendered digest.
 *
 * @param subject the subject line
 * @param text the plain-text body
 * @param html the HTML body, the same content as the text
 */
public record EmailContent(String subject, String text, String html) {

}
