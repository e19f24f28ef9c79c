package vn.gov.cchc.notification.email;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import vn.gov.cchc.notification.reminder.Digest;
import vn.gov.cchc.notification.reminder.DigestItem;
import vn.gov.cchc.notification.reminder.ReminderKind;

/**
 * Renders a digest into an email: the subject, a plain-text body and an HTML body, in
 * Vietnamese or in English, from {@code templates/email/reminder_<lang>.txt} and
 * {@code .html}.
 * <p>
 * The template engine is the composer's own rather than a bean: a {@code TemplateEngine}
 * bean would take the place of the one Spring Boot configures for the web views.
 */
public final class EmailComposer {

	/** The deadlines are the province's, and so is the "as of" day of the text. */
	private static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

	private final TemplateEngine templates;

	private final String senderName;

	/**
	 * @param senderName who the footer says sends the message, e.g. {@code CCHC Bắc Ninh}
	 */
	public EmailComposer(String senderName) {
		this.senderName = senderName;
		// SpringTemplateEngine evaluates expressions with SpEL; the plain TemplateEngine
		// would need OGNL, which Spring Boot's Thymeleaf starter leaves out.
		SpringTemplateEngine engine = new SpringTemplateEngine();
		engine.addTemplateResolver(resolver(TemplateMode.HTML, ".html", 1));
		engine.addTemplateResolver(resolver(TemplateMode.TEXT, ".txt", 2));
		this.templates = engine;
	}

	private static ClassLoaderTemplateResolver resolver(TemplateMode mode, String suffix, int order) {
		ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(EmailComposer.class.getClassLoader());
		resolver.setPrefix("templates/email/");
		resolver.setResolvablePatterns(Set.of("*" + suffix));
		resolver.setTemplateMode(mode);
		resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
		resolver.setCheckExistence(true);
		resolver.setCacheable(true);
		resolver.setOrder(order);
		return resolver;
	}

	/** The email for a digest, in the digest's language. */
	public EmailContent compose(Digest digest) {
		Wording wording = Wording.of(digest.language());
		List<DigestItem> own = digest.items()
			.stream()
			.filter((item) -> item.kind() != ReminderKind.ESCALATION)
			.toList();
		List<DigestItem> late = digest.items()
			.stream()
			.filter((item) -> item.kind() == ReminderKind.ESCALATION)
			.toList();
		String subject = own.isEmpty()
				? wording.escalationSubject(late.stream().map(DigestItem::unitName).distinct().toList())
				: wording.ownSubject(own);
		Context context = new Context(digest.language());
		context.setVariables(Map.of("subject", subject, "unitName", digest.recipient().unitName(), "asOf",
				Wording.DATE.format(LocalDate.ofInstant(digest.sendAt(), ZONE)), "ownItems", rows(own, wording),
				"lateItems", rows(late, wording), "dashboard", digest.dashboard().toString(), "senderName",
				this.senderName));
		context.setVariable("person", blankToNull(digest.recipient().person()));
		String name = "reminder_" + wording.language();
		return new EmailContent(subject, this.templates.process(name + ".txt", context),
				this.templates.process(name + ".html", context));
	}

	private static List<Row> rows(List<DigestItem> items, Wording wording) {
		return items.stream()
			.map((item) -> new Row(item.unitName(), wording.report(item.periodType()) + " " + item.periodId(),
					item.periodId(), item.planId(), Wording.date(item), wording.status(item), item.daysToDue() < 0,
					item.link().toString()))
			.toList();
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value;
	}

	/**
	 * One report as the templates show it.
	 *
	 * @param unitName the unit that owes it
	 * @param report what it is, e.g. "Báo cáo quý 2026-Q2"
	 * @param periodId its period
	 * @param planId the plan that asks for it
	 * @param due its due date, dd/MM/yyyy
	 * @param status where it stands, e.g. "còn 3 ngày"
	 * @param late whether it is past its due date
	 * @param link the report on the dashboard
	 */
	record Row(String unitName, String report, String periodId, String planId, String due, String status, boolean late,
			String link) {

	}

}
