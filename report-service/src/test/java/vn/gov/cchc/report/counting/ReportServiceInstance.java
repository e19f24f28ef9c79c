package vn.gov.cchc.report.counting;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import vn.gov.cchc.testing.MongoTestStore;
import vn.gov.cchc.testing.ServiceProcess;

/**
 * A report-service in a process of its own, for the tests that kill it with
 * {@code kill -9}: on the test store and the given broker, its probes and metrics on the
 * port {@link ServiceProcess} gives it, its API on a port of its own (where the tests ask
 * with an access token).
 *
 * @param process the process
 * @param apiPort the API's port
 */
record ReportServiceInstance(ServiceProcess process, int apiPort) {

	/** How long a start may take on a busy box. */
	static final Duration START_TIMEOUT = Duration.ofMinutes(4);

	private static final String MAIN_CLASS = "vn.gov.cchc.report.ReportServiceApplication";

	/**
	 * Starts an instance; {@link #awaitReady()} waits until it is ready.
	 * @param name the process's name (logs)
	 * @param application the application name, which names the consumer groups and the
	 * counting's application id: instances with the same one share the work
	 * @param database the store's database
	 * @param brokers the broker
	 * @param environment more environment variables
	 * @param arguments more command-line arguments
	 */
	static ReportServiceInstance start(String name, String application, String database, String brokers,
			Map<String, String> environment, List<String> arguments) {
		int apiPort = freePort();
		Map<String, String> all = new HashMap<>(environment);
		all.putAll(Map.of("MONGODB_URI", MongoTestStore.connectionString(), "MONGODB_DATABASE", database,
				"KAFKA_BOOTSTRAP_SERVERS", brokers, "SPRING_APPLICATION_NAME", application));
		List<String> args = new ArrayList<>(arguments);
		args.addAll(List.of("--server.port=" + apiPort, "--management.server.port=${SERVER_PORT}"));
		try {
			return new ReportServiceInstance(ServiceProcess.start(name, MAIN_CLASS, all, args), apiPort);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	void awaitReady() throws InterruptedException {
		this.process.awaitReady(START_TIMEOUT);
	}

	/** The province's events in the read model, 0 before its first write. */
	static long provinceEvents(MongoDatabase store) {
		Document totals = store.getCollection("totals").find(new Document("_id", "27")).first();
		return (totals != null) ? ((Number) totals.get("events")).longValue() : 0L;
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
