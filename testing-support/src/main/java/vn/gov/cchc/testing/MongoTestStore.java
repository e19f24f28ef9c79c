package vn.gov.cchc.testing;

import java.net.InetSocketAddress;
import java.util.UUID;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.mongodb.MongoDBContainer;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The MongoDB a test run talks to, through the official driver in either case: a real
 * MongoDB from Testcontainers where a Docker engine answers, and the embedded
 * wire-compatible store where none does. Chosen once per JVM, without a hang: the Docker
 * check answers in well under a second when there is no engine.
 */
public final class MongoTestStore {

	private static final Logger logger = LoggerFactory.getLogger(MongoTestStore.class);

	/** Set to {@code embedded} or {@code docker} to force a choice. */
	public static final String CHOICE_PROPERTY = "cchc.test.mongo";

	private static volatile String connectionString;

	private static volatile MongoClient client;

	private MongoTestStore() {
	}

	/** The connection string of the store for this JVM, started on first use. */
	public static String connectionString() {
		String uri = connectionString;
		if (uri == null) {
			synchronized (MongoTestStore.class) {
				uri = connectionString;
				if (uri == null) {
					uri = start();
					connectionString = uri;
				}
			}
		}
		return uri;
	}

	/**
	 * A new, empty database on the store, for a test that talks to the driver directly.
	 * The client behind it is shared by the whole JVM and closed when it exits.
	 */
	public static MongoDatabase freshDatabase(String prefix) {
		MongoClient shared = client;
		if (shared == null) {
			synchronized (MongoTestStore.class) {
				shared = client;
				if (shared == null) {
					shared = MongoClients.create(connectionString());
					Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "mongo-test-client-close"));
					client = shared;
				}
			}
		}
		return shared.getDatabase(prefix + "-" + UUID.randomUUID());
	}

	/** Points Spring Boot's MongoDB client at the store, using the given database. */
	public static void register(DynamicPropertyRegistry registry, String database) {
		registry.add("spring.mongodb.uri", MongoTestStore::connectionString);
		registry.add("spring.mongodb.database", () -> database);
	}

	private static String start() {
		if (useDocker()) {
			MongoDBContainer container = new MongoDBContainer("mongo:8.0");
			container.start();
			Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "mongo-test-store-stop"));
			logger.info("Tests use MongoDB from Testcontainers at {}", container.getReplicaSetUrl());
			return container.getConnectionString();
		}
		MongoServer server = new MongoServer(new MemoryBackend());
		InetSocketAddress address = server.bind();
		Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow, "mongo-test-store-stop"));
		String uri = "mongodb://127.0.0.1:" + address.getPort();
		logger.info("No Docker engine: tests use the embedded MongoDB-wire store at {}", uri);
		return uri;
	}

	private static boolean useDocker() {
		String forced = System.getProperty(CHOICE_PROPERTY, "");
		if (!forced.isEmpty()) {
			return "docker".equals(forced);
		}
		return DockerClientFactory.instance().isDockerAvailable();
	}

}
