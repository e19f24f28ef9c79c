package vn.gov.cchc.devproviders;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import org.jspecify.annotations.Nullable;

/**
 * The outside providers of notification-service, played on a developer's box: GreenMail
 * for mail, an HTTP server for the SMS gateway and the mail that came in.
 *
 * <p>
 * Why: docs/dev-providers.md, "Running it (DevProviders)".
 */
public final class DevProviders implements AutoCloseable {

	static final int DEFAULT_SMTP_PORT = 3025;

	static final int DEFAULT_IMAP_PORT = 3143;

	static final int DEFAULT_HTTP_PORT = 8089;

	static final String DEFAULT_BIND = "127.0.0.1";

	static final String ARCHIVE_ADDRESS = "luutru@cchc.local";

	static final String ARCHIVE_LOGIN = "luutru";

	static final String DEFAULT_ARCHIVE_PASSWORD = "luutru-dev";

	/**
	 * Threads answering HTTP by default: a POST during an outage sleeps through its
	 * delay, and the sender calls with a few threads at once; the others must still be
	 * answered.
	 */
	static final int DEFAULT_HTTP_THREADS = 16;

	private final GreenMail mail;

	private final HttpServer http;

	private final ExecutorService httpThreads;

	private final SmsGatewaySink sms;

	private final Settings settings;

	private final AtomicBoolean closed = new AtomicBoolean();

	private DevProviders(Settings settings, GreenMail mail, HttpServer http, ExecutorService httpThreads,
			SmsGatewaySink sms) {
		this.settings = settings;
		this.mail = mail;
		this.http = http;
		this.httpThreads = httpThreads;
		this.sms = sms;
	}

	/**
	 * Where the providers listen and how the archive is reached.
	 *
	 * @param bind the address every server binds to
	 * @param smtpPort SMTP, 0 for any free port
	 * @param imapPort IMAP, 0 for any free port
	 * @param httpPort the SMS gateway and the mail view, 0 for any free port
	 * @param archivePassword the archive login's password
	 * @param smsApiKey the bearer token the SMS gateway wants, none when null
	 */
	public record Settings(String bind, int smtpPort, int imapPort, int httpPort, String archivePassword,
			@Nullable String smsApiKey, int httpThreads) {

		public Settings(String bind, int smtpPort, int imapPort, int httpPort, String archivePassword,
				@Nullable String smsApiKey) {
			this(bind, smtpPort, imapPort, httpPort, archivePassword, smsApiKey, DEFAULT_HTTP_THREADS);
		}

		public Settings {
			if (httpThreads < 1) {
				throw new IllegalArgumentException("CCHC_PROVIDERS_HTTP_THREADS must be at least 1: " + httpThreads);
			}
		}

		static Settings fromEnvironment() {
			return new Settings(env("CCHC_PROVIDERS_BIND", DEFAULT_BIND),
					port("CCHC_PROVIDERS_SMTP_PORT", DEFAULT_SMTP_PORT),
					port("CCHC_PROVIDERS_IMAP_PORT", DEFAULT_IMAP_PORT),
					port("CCHC_PROVIDERS_HTTP_PORT", DEFAULT_HTTP_PORT),
					env("CCHC_PROVIDERS_ARCHIVE_PASSWORD", DEFAULT_ARCHIVE_PASSWORD),
					emptyToNull(System.getenv("CCHC_PROVIDERS_SMS_API_KEY")),
					number("CCHC_PROVIDERS_HTTP_THREADS", DEFAULT_HTTP_THREADS));
		}

	}

	/** Starts the mail server and the HTTP server. */
	public static DevProviders start(Settings settings) {
		GreenMail mail = new GreenMail(new ServerSetup[] { setup(settings.smtpPort(), settings.bind(), "smtp"),
				setup(settings.imapPort(), settings.bind(), "imap") });
		mail.start();
		mail.setUser(ARCHIVE_ADDRESS, ARCHIVE_LOGIN, settings.archivePassword());
		SmsGatewaySink sms = new SmsGatewaySink(settings.smsApiKey(), Clock.systemUTC());
		ExecutorService threads = Executors.newFixedThreadPool(settings.httpThreads());
		HttpServer http;
		try {
			http = HttpServer.create(new InetSocketAddress(settings.bind(), settings.httpPort()), 64);
		}
		catch (IOException ex) {
			mail.stop();
			threads.shutdownNow();
			throw new UncheckedIOException("Cannot listen on " + settings.bind() + ":" + settings.httpPort(), ex);
		}
		http.createContext(SmsGatewaySink.BASE + "/", sms);
		http.createContext(MailboxView.PATH, new MailboxView(mail, ARCHIVE_ADDRESS));
		http.setExecutor(threads);
		http.start();
		return new DevProviders(settings, mail, http, threads, sms);
	}

	private static ServerSetup setup(int port, String bind, String protocol) {
		ServerSetup setup = new ServerSetup(port, bind, protocol);
		return (port == 0) ? setup.dynamicPort() : setup;
	}

	public int smtpPort() {
		return this.mail.getSmtp().getPort();
	}

	public int imapPort() {
		return this.mail.getImap().getPort();
	}

	public int httpPort() {
		return this.http.getAddress().getPort();
	}

	/** The base URL notification-service's {@code SMS_BASE_URL} takes. */
	public String smsBaseUrl() {
		return "http://" + this.settings.bind() + ":" + httpPort() + SmsGatewaySink.BASE;
	}

	SmsGatewaySink sms() {
		return this.sms;
	}

	@Override
	public void close() {
		if (this.closed.compareAndSet(false, true)) {
			try {
				this.http.stop(0);
				this.httpThreads.shutdownNow();
			}
			finally {
				this.mail.stop();
			}
		}
	}

	public static void main(String[] args) throws InterruptedException {
		Settings settings = Settings.fromEnvironment();
		DevProviders providers = start(settings);
		CountDownLatch stopped = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			providers.close();
			System.out.println("CCHC dev providers stopped");
			stopped.countDown();
		}, "dev-providers-shutdown"));
		System.out.printf(
				"CCHC dev providers ready: SMTP %s:%d, IMAP %s:%d (archive %s, login %s), "
						+ "SMS gateway %s (%d threads), mail view http://%s:%d%s; no rate limit on either%n",
				settings.bind(), providers.smtpPort(), settings.bind(), providers.imapPort(), ARCHIVE_ADDRESS,
				ARCHIVE_LOGIN, providers.smsBaseUrl(), settings.httpThreads(), settings.bind(), providers.httpPort(),
				MailboxView.PATH);
		stopped.await();
	}

	private static String env(String name, String fallback) {
		String value = emptyToNull(System.getenv(name));
		return (value != null) ? value : fallback;
	}

	private static int port(String name, int fallback) {
		String value = env(name, Integer.toString(fallback));
		try {
			return Integer.parseInt(value.trim());
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException(name + " is not a port number: " + value, ex);
		}
	}

	private static int number(String name, int fallback) {
		String value = env(name, Integer.toString(fallback));
		try {
			return Integer.parseInt(value.trim());
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException(name + " is not a number: " + value, ex);
		}
	}

	private static @Nullable String emptyToNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value;
	}

}
