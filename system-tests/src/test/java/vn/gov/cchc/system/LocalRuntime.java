package vn.gov.cchc.system;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The whole local runtime, driven through the same script the README tells people to run
 * ({@code deploy/local/cchc}). Ports are moved away from the defaults so a developer's
 * running system and the tests do not collide; the data folder lives under
 * {@code target/} and starts empty. notification-service runs without SMS quiet hours and
 * dispatches every second, so that what a test sees does not depend on the time of day
 * and a reminder goes within a second of falling due.
 */
final class LocalRuntime {

	static final int GATEWAY_PORT = 18080;

	static final int NOTIFICATION_PORT = 18083;

	/** The dev providers' HTTP port: the SMS gateway and the mail view. */
	static final int PROVIDERS_HTTP_PORT = 18089;

	/** The local issuer's port: the token endpoint, the login page and the JWKS. */
	static final int AUTH_PORT = 19000;

	/**
	 * The settings every script run gets. Equal quiet-hour bounds turn quiet hours off.
	 * The gateway's per-client rate limit is raised: these tests drive the pipeline as
	 * fast as one commune's system can, and the limit has tests of its own.
	 */
	private static final Map<String, String> ENVIRONMENT = Map.ofEntries(
			Map.entry("GATEWAY_PORT", Integer.toString(GATEWAY_PORT)), Map.entry("PLAN_PORT", "18081"),
			Map.entry("REPORT_PORT", "18082"), Map.entry("NOTIFICATION_PORT", Integer.toString(NOTIFICATION_PORT)),
			Map.entry("KAFKA_PORT", "19092"), Map.entry("KAFKA_CONTROLLER_PORT", "19093"),
			Map.entry("MONGO_PORT", "27117"), Map.entry("PROVIDERS_SMTP_PORT", "13025"),
			Map.entry("PROVIDERS_IMAP_PORT", "13143"),
			Map.entry("PROVIDERS_HTTP_PORT", Integer.toString(PROVIDERS_HTTP_PORT)),
			Map.entry("AUTH_PORT", Integer.toString(AUTH_PORT)), Map.entry("CCHC_SMS_QUIET_START", "00:00"),
			Map.entry("CCHC_SMS_QUIET_END", "00:00"), Map.entry("CCHC_REMINDER_INTERVAL", "1s"),
			Map.entry("GATEWAY_RATE_PER_SECOND", "1000"), Map.entry("GATEWAY_RATE_BURST", "2000"));

	private final Path repo;

	private final Path var;

	private final Path scriptLog;

	LocalRuntime(Path repo, Path var) {
		this.repo = repo;
		this.var = var;
		this.scriptLog = var.resolveSibling(var.getFileName() + "-script.log");
	}

	static LocalRuntime fromSystemProperties() {
		Path repo = Path.of(System.getProperty("cchc.repo", "..")).toAbsolutePath().normalize();
		Path var = Path.of(System.getProperty("cchc.var", "target/local-runtime")).toAbsolutePath().normalize();
		return new LocalRuntime(repo, var);
	}

	String gateway() {
		return "http://127.0.0.1:" + GATEWAY_PORT;
	}

	/** A client of the gateway with tokens from the local issuer. */
	GatewayClient client() {
		return new GatewayClient(gateway(), new Issuer(issuer(), gateway()));
	}

	/** notification-service itself, for its metrics (the gateway routes only the API). */
	String notificationService() {
		return "http://127.0.0.1:" + NOTIFICATION_PORT;
	}

	/** The dev providers' HTTP server: {@code /sms/v1/...}, {@code /mail/v1/messages}. */
	String providers() {
		return "http://127.0.0.1:" + PROVIDERS_HTTP_PORT;
	}

	/**
	 * The local issuer, as the services know it ({@code iss} of its tokens):
	 * {@code /oauth2/token} gives a demo commune's system its token.
	 */
	String issuer() {
		return "http://localhost:" + AUTH_PORT;
	}

	void wipeData() throws IOException {
		if (Files.exists(this.var)) {
			try (Stream<Path> files = Files.walk(this.var)) {
				files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
			}
		}
	}

	void up() throws Exception {
		run(Duration.ofMinutes(12), "up", "--detach");
	}

	void down() throws Exception {
		run(Duration.ofMinutes(2), "down");
	}

	void start(String part) throws Exception {
		run(Duration.ofMinutes(4), "start", part);
	}

	/** Kills one part the hard way: no shutdown hook, no offset commit, no flush. */
	void killNine(String part) throws Exception {
		long pid = Long.parseLong(Files.readString(this.var.resolve("run").resolve(part + ".pid")).trim());
		Process kill = new ProcessBuilder("kill", "-9", Long.toString(pid)).inheritIO().start();
		if (kill.waitFor() != 0) {
			throw new IllegalStateException("kill -9 " + pid + " failed");
		}
		ProcessHandle.of(pid).ifPresent((handle) -> handle.onExit().join());
	}

	/**
	 * Runs one of Kafka's own tools through {@code cchc kafka <tool>}, feeding it the
	 * given lines on standard input.
	 * @return what the tool printed on standard output
	 */
	String kafkaTool(List<String> stdin, String... args) throws Exception {
		List<String> command = new ArrayList<>(List.of("kafka"));
		command.addAll(List.of(args));
		Path input = Files.createTempFile(this.var.getParent(), "kafka-tool-", ".in");
		Path output = Files.createTempFile(this.var.getParent(), "kafka-tool-", ".out");
		try {
			Files.write(input, stdin);
			ProcessBuilder builder = script(command.toArray(String[]::new)).redirectInput(input.toFile())
				.redirectOutput(output.toFile())
				.redirectError(ProcessBuilder.Redirect.appendTo(this.scriptLog.toFile()));
			await(builder.start(), Duration.ofMinutes(2), command);
			return Files.readString(output);
		}
		finally {
			Files.deleteIfExists(input);
			Files.deleteIfExists(output);
		}
	}

	private void run(Duration timeout, String... args) throws Exception {
		Files.createDirectories(this.var.getParent());
		ProcessBuilder builder = script(args).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(this.scriptLog.toFile()));
		await(builder.start(), timeout, List.of(args));
	}

	private ProcessBuilder script(String... args) {
		List<String> command = new ArrayList<>();
		command.add(this.repo.resolve("deploy/local/cchc").toString());
		command.addAll(List.of(args));
		ProcessBuilder builder = new ProcessBuilder(command).directory(this.repo.toFile());
		builder.environment().putAll(ENVIRONMENT);
		builder.environment().put("CCHC_VAR", this.var.toString());
		return builder;
	}

	private void await(Process process, Duration timeout, List<String> args) throws Exception {
		if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
			process.destroyForcibly();
			throw new IllegalStateException(
					"cchc " + String.join(" ", args) + " did not finish within " + timeout + "; see " + this.scriptLog);
		}
		if (process.exitValue() != 0) {
			throw new IllegalStateException("cchc " + String.join(" ", args) + " exited with " + process.exitValue()
					+ "; last lines of " + this.scriptLog + ":\n" + tail(this.scriptLog, 60));
		}
	}

	private static String tail(Path file, int lines) throws IOException {
		List<String> all = Files.readAllLines(file);
		return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
	}

}
