package vn.gov.cchc.devproviders;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Date;
import java.util.Properties;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The providers as notification-service and a developer see them: real HTTP calls to the
 * SMS gateway and the mail view, real SMTP and IMAP sessions with GreenMail.
 */
class DevProvidersTests {

	private static final String VALID = """
			{"reference":"d-0001","from":"CCHC","to":"84912345678",\
			"text":"Xa Dai Phuc: bao cao 2026-H1 den han ngay mai","encoding":"GSM_7","segments":1}""";

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private DevProviders providers;

	@BeforeEach
	void start() {
		this.providers = DevProviders.start(new DevProviders.Settings("127.0.0.1", 0, 0, 0, "bi-mat", null));
	}

	@AfterEach
	void stop() {
		this.providers.close();
	}

	@Test
	void smsGatewayTakesAMessageAnswersItsIdAndFindsItByReference() throws Exception {
		HttpResponse<String> sent = send("POST", "/messages", VALID);

		assertThat(sent.statusCode()).as(sent.body()).isEqualTo(201);
		String id = json(sent).path("id").asString();
		assertThat(id).startsWith("sms-");
		HttpResponse<String> found = send("GET", "/messages/by-reference/d-0001", null);
		assertThat(found.statusCode()).isEqualTo(200);
		assertThat(json(found).path("id").asString()).isEqualTo(id);
		assertThat(json(found).path("to").asString()).isEqualTo("84912345678");
		assertThat(send("GET", "/messages/by-reference/d-9999", null).statusCode()).isEqualTo(404);
	}

	@Test
	void aReferenceSentTwiceIsListedTwiceAndFoundAsTheFirstMessageTakenUnderIt() throws Exception {
		String first = json(send("POST", "/messages", VALID)).path("id").asString();
		String second = json(send("POST", "/messages", VALID)).path("id").asString();

		assertThat(json(send("GET", "/messages", null))).hasSize(2);
		assertThat(json(send("GET", "/messages/by-reference/d-0001", null)).path("id").asString()).isEqualTo(first)
			.isNotEqualTo(second);
	}

	@Test
	void needsAtLeastOneHttpThread() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new DevProviders.Settings("127.0.0.1", 0, 0, 0, "bi-mat", null, 0));
	}

	@Test
	void smsGatewayListsWhatItTookNewestLast() throws Exception {
		assertThat(send("POST", "/messages", VALID).statusCode()).isEqualTo(201);
		assertThat(send("POST", "/messages",
				VALID.replace("d-0001", "d-0002").replace("GSM_7", "UCS_2").replace("Xa Dai Phuc", "Xã Đại Phúc"))
			.statusCode()).isEqualTo(201);

		JsonNode list = json(send("GET", "/messages", null));

		assertThat(list.size()).isEqualTo(2);
		assertThat(list.get(0).path("reference").asString()).isEqualTo("d-0001");
		assertThat(list.get(1).path("reference").asString()).isEqualTo("d-0002");
		assertThat(list.get(1).path("text").asString()).startsWith("Xã Đại Phúc");
		assertThat(list.get(1).path("encoding").asString()).isEqualTo("UCS_2");
		assertThat(list.get(1).path("segments").asInt()).isEqualTo(1);
	}

	@Test
	void smsGatewayRefusesAnInvalidMessageNamingEveryFieldAtFault() throws Exception {
		String invalid = VALID.replace("\"to\":\"84912345678\",", "")
			.replace("GSM_7", "ASCII")
			.replace("\"segments\":1", "\"segments\":0");

		HttpResponse<String> refused = send("POST", "/messages", invalid);

		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(json(refused).path("errors").valueStream().map((error) -> error.path("field").asString()))
			.containsExactlyInAnyOrder("to", "encoding", "segments");
		assertThat(send("POST", "/messages", "not JSON").statusCode()).isEqualTo(400);
		assertThat(json(send("GET", "/messages", null)).size()).isZero();
	}

	@Test
	void duringAnOutageEveryPostAnswersTheStatusAfterTheDelayAndNothingIsTaken() throws Exception {
		HttpResponse<String> on = send("PUT", "/admin/outage", "{\"status\":503,\"delayMillis\":300}");
		assertThat(on.statusCode()).as(on.body()).isEqualTo(200);
		assertThat(json(on).path("active").asBoolean()).isTrue();

		long start = System.nanoTime();
		HttpResponse<String> refused = send("POST", "/messages", VALID);
		long millis = (System.nanoTime() - start) / 1_000_000;

		assertThat(refused.statusCode()).isEqualTo(503);
		assertThat(millis).isGreaterThanOrEqualTo(300);
		assertThat(send("GET", "/messages/by-reference/d-0001", null).statusCode()).isEqualTo(404);
		assertThat(json(send("GET", "/admin/outage", null)).path("refused").asLong()).isEqualTo(1);

		assertThat(send("DELETE", "/admin/outage", null).statusCode()).isEqualTo(204);
		assertThat(send("POST", "/messages", VALID).statusCode()).isEqualTo(201);
		assertThat(json(send("GET", "/messages", null)).size()).isEqualTo(1);
		assertThat(json(send("GET", "/admin/outage", null)).path("active").asBoolean()).isFalse();
	}

	@Test
	void anOutageNeedsAnErrorStatus() throws Exception {
		HttpResponse<String> refused = send("PUT", "/admin/outage", "{\"status\":200,\"delayMillis\":-1}");

		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(json(refused).path("errors").valueStream().map((error) -> error.path("field").asString()))
			.containsExactlyInAnyOrder("status", "delayMillis");
		assertThat(send("POST", "/messages", VALID).statusCode()).isEqualTo(201);
	}

	@Test
	void withAnApiKeyTheGatewayWantsItAsABearerToken() throws Exception {
		try (DevProviders keyed = DevProviders
			.start(new DevProviders.Settings("127.0.0.1", 0, 0, 0, "bi-mat", "khoa-thu"))) {
			URI messages = URI.create(keyed.smsBaseUrl() + "/messages");
			HttpRequest.Builder post = HttpRequest.newBuilder(messages)
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(VALID));

			assertThat(this.http.send(post.build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
			assertThat(this.http
				.send(post.header("Authorization", "Bearer khoa-thu").build(), HttpResponse.BodyHandlers.ofString())
				.statusCode()).isEqualTo(201);
		}
	}

	@Test
	void mailSentOverSmtpShowsPerRecipientWithoutTheArchiveCopyWhichImapServes() throws Exception {
		Session session = Session.getInstance(smtpProperties());
		String messageId = "<d-0001@cchc.local>";
		// A Message-ID of the sender's own, as notification-service makes from the
		// delivery id: JavaMail would otherwise make a new one at every saveChanges.
		MimeMessage message = new MimeMessage(session) {
			@Override
			protected void updateMessageID() throws MessagingException {
				setHeader("Message-ID", messageId);
			}
		};
		message.setFrom(new InternetAddress("no-reply@cchc.local", "CCHC Bắc Ninh", "UTF-8"));
		message.setRecipients(Message.RecipientType.TO, new InternetAddress[] {
				new InternetAddress("vanphong@daiphuc.gov.vn"), new InternetAddress("ubnd@tuongiang.gov.vn") });
		message.setRecipient(Message.RecipientType.BCC, new InternetAddress(DevProviders.ARCHIVE_ADDRESS));
		message.setSubject("Nhắc hạn: báo cáo 6 tháng đầu năm 2026", "UTF-8");
		message.setSentDate(new Date());
		MimeBodyPart text = new MimeBodyPart();
		text.setText("Kính gửi Văn phòng UBND xã Đại Phúc: báo cáo đến hạn ngày mai.", "UTF-8");
		MimeBodyPart html = new MimeBodyPart();
		html.setContent("<p>Kính gửi Văn phòng UBND xã Đại Phúc</p>", "text/html; charset=UTF-8");
		MimeMultipart alternative = new MimeMultipart("alternative");
		alternative.addBodyPart(text);
		alternative.addBodyPart(html);
		message.setContent(alternative);

		Transport.send(message);

		JsonNode all = json(get("/mail/v1/messages"));
		assertThat(all.size()).isEqualTo(2);
		assertThat(all.valueStream().map((mail) -> mail.path("to").asString()))
			.containsExactlyInAnyOrder("vanphong@daiphuc.gov.vn", "ubnd@tuongiang.gov.vn");
		JsonNode one = json(get("/mail/v1/messages?to=vanphong@daiphuc.gov.vn"));
		assertThat(one.size()).isEqualTo(1);
		assertThat(one.get(0).path("subject").asString()).isEqualTo("Nhắc hạn: báo cáo 6 tháng đầu năm 2026");
		assertThat(one.get(0).path("from").asString()).isEqualTo("CCHC Bắc Ninh <no-reply@cchc.local>");
		assertThat(one.get(0).path("messageId").asString()).isEqualTo(messageId);
		assertThat(one.get(0).path("text").asString())
			.isEqualTo("Kính gửi Văn phòng UBND xã Đại Phúc: báo cáo đến hạn ngày mai.");
		assertThat(one.get(0).path("sentAt").asString()).isNotBlank();
		assertThat(json(get("/mail/v1/messages?to=khac@cchc.local")).size()).isZero();
		// The mailboxes alone, counted without reading their messages (the archive left
		// out).
		JsonNode recipients = json(get("/mail/v1/messages?view=recipients"));
		assertThat(recipients.valueStream()
			.map((mailbox) -> mailbox.path("to").asString() + "=" + mailbox.path("messages").asInt()))
			.containsExactlyInAnyOrder("vanphong@daiphuc.gov.vn=1", "ubnd@tuongiang.gov.vn=1");

		Store archive = Session.getInstance(new Properties()).getStore("imap");
		archive.connect("127.0.0.1", this.providers.imapPort(), DevProviders.ARCHIVE_LOGIN, "bi-mat");
		try {
			Folder inbox = archive.getFolder("INBOX");
			inbox.open(Folder.READ_ONLY);
			assertThat(inbox.getMessageCount()).isEqualTo(1);
			assertThat(inbox.getMessage(1).getHeader("Message-ID")).containsExactly(messageId);
			inbox.close(false);
		}
		finally {
			archive.close();
		}
	}

	private Properties smtpProperties() {
		Properties properties = new Properties();
		properties.put("mail.smtp.host", "127.0.0.1");
		properties.put("mail.smtp.port", Integer.toString(this.providers.smtpPort()));
		properties.put("mail.smtp.connectiontimeout", "5000");
		properties.put("mail.smtp.timeout", "5000");
		return properties;
	}

	private HttpResponse<String> send(String method, String path, String body) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.providers.smsBaseUrl() + path))
			.timeout(Duration.ofSeconds(10))
			.header("Content-Type", "application/json")
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)
							: HttpRequest.BodyPublishers.noBody())
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private HttpResponse<String> get(String path) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.providers.httpPort() + path))
			.timeout(Duration.ofSeconds(10))
			.GET()
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private static JsonNode json(HttpResponse<String> response) {
		return Exchanges.JSON.readTree(response.body());
	}

}
