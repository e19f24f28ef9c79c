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
 * {@code target/} and starts empty.
 */
final class LocalRuntime {

	static final int GATEWAY_PORT = 18080;

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
		builder.environment()
			.putAll(Map.of("CCHC_VAR", this.var.toString(), "GATEWAY_PORT", Integer.toString(GATEWAY_PORT), "PLAN_PORT",
					"18081", "REPORT_PORT", "18082", "NOTIFICATION_PORT", "18083", "KAFKA_PORT", "19092",
					"KAFKA_CONTROLLER_PORT", "19093", "MONGO_PORT", "27117"));
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
