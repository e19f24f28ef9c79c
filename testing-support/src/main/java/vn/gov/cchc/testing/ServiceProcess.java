package vn.gov.cchc.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

/**
 * A service of this reactor run as a real child JVM on the test's class path, so that a
 * test can kill it with SIGKILL (no shutdown hook, no chance to finish anything) and
 * start another on the same broker and store. Its output goes to
 * {@code target/child-processes/<name>.log}.
 */
public final class ServiceProcess {

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String name;

	private final Process process;

	private final int port;

	private final Path log;

	private ServiceProcess(String name, Process process, int port, Path log) {
		this.name = name;
		this.process = process;
		this.port = port;
		this.log = log;
	}

	/**
	 * Starts the application class in a JVM of its own on a free port.
	 * @param name names the log file and the process in messages
	 * @param mainClass the Spring Boot application class
	 * @param environment environment variables on top of this JVM's (e.g.
	 * {@code MONGODB_DATABASE})
	 * @param arguments program arguments, e.g. {@code --spring.x=y}
	 * @return the started process, not necessarily ready yet
	 */
	public static ServiceProcess start(String name, String mainClass, Map<String, String> environment,
			List<String> arguments) throws IOException {
		int port = freePort();
		Path log = Files.createDirectories(Path.of("target", "child-processes")).resolve(name + ".log");
		String java = ProcessHandle.current()
			.info()
			.command()
			.orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		List<String> command = new ArrayList<>(List.of(java, "-Xmx384m", "-XX:TieredStopAtLevel=1", "-cp",
				System.getProperty("java.class.path"), mainClass));
		command.addAll(arguments);
		ProcessBuilder builder = new ProcessBuilder(command);
		builder.environment().putAll(environment);
		builder.environment().put("SERVER_PORT", Integer.toString(port));
		builder.redirectErrorStream(true).redirectOutput(log.toFile());
		return new ServiceProcess(name, builder.start(), port, log);
	}

	/**
	 * Waits until {@code /actuator/health/readiness} answers 200.
	 * @throws IllegalStateException if the process exits or the time runs out, with the
	 * tail of its log
	 */
	public void awaitReady(Duration timeout) throws InterruptedException {
		Instant deadline = Instant.now().plus(timeout);
		while (Instant.now().isBefore(deadline)) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException(this.name + " exited before it was ready; its log:\n" + logTail());
			}
			try {
				if (send("GET", "/actuator/health/readiness", null).statusCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			Thread.sleep(1000);
		}
		throw new IllegalStateException(this.name + " was not ready within " + timeout + "; its log:\n" + logTail());
	}

	/** Sends a request with a JSON body (or none) to the process. */
	public HttpResponse<String> send(String method, String path, @Nullable String body)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json")
			.method(method, (body != null) ? HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)
					: HttpRequest.BodyPublishers.noBody());
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	/** SIGKILL: the process gets no chance to finish anything. */
	public void kill() throws InterruptedException {
		this.process.destroyForcibly();
		this.process.waitFor();
	}

	/** SIGTERM, then SIGKILL if it has not stopped within 30 s. */
	public void stop() throws InterruptedException {
		this.process.destroy();
		if (!this.process.waitFor(Duration.ofSeconds(30).toMillis(), TimeUnit.MILLISECONDS)) {
			kill();
		}
	}

	/** The exit value: 137 after {@link #kill()}. */
	public int exitValue() {
		return this.process.exitValue();
	}

	/** The last 40 lines of its log. */
	public String logTail() {
		try {
			List<String> lines = Files.readAllLines(this.log);
			return String.join(System.lineSeparator(), lines.subList(Math.max(0, lines.size() - 40), lines.size()));
		}
		catch (IOException ex) {
			return "(no log: " + ex.getMessage() + ")";
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
