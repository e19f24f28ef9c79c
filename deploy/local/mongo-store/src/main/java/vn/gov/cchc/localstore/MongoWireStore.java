package vn.gov.cchc.localstore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

/**
 * A MongoDB-wire server (mongo-java-server) whose data lives in one H2 MVStore file, so
 * that the local runtime keeps its data from one run to the next. Its maps are typed
 * ({@link TypedH2Backend}): documents and index keys are kept as BSON rather than
 * Java-serialized, and a filter naming {@code _id} reads one document.
 *
 * <p>
 * Run as {@code java -jar local-mongo-store.jar [file]}. The file comes from the
 * argument, else {@code CCHC_MONGO_FILE}, else {@value #DEFAULT_FILE}; the port from
 * {@code CCHC_MONGO_PORT} (default {@value #DEFAULT_PORT}); the MVStore's page cache in
 * MB from {@code CCHC_MONGO_CACHE_MB} (default {@value #DEFAULT_CACHE_MB}). It listens on
 * 127.0.0.1 only: it has no authentication and is not meant to be reached from another
 * machine.
 */
public final class MongoWireStore implements AutoCloseable {

	static final String DEFAULT_FILE = "var/mongo/cchc.mv.db";

	static final int DEFAULT_PORT = 27017;

	static final int DEFAULT_CACHE_MB = 96;

	private static final String HOST = "127.0.0.1";

	private final Path file;

	private final H2Backend backend;

	private final MongoServer server;

	private final InetSocketAddress address;

	private final AtomicBoolean closed = new AtomicBoolean();

	private MongoWireStore(Path file, H2Backend backend, MongoServer server, InetSocketAddress address) {
		this.file = file;
		this.backend = backend;
		this.server = server;
		this.address = address;
	}

	/**
	 * Opens (or creates) the store file and starts listening.
	 * @param file the MVStore file holding every database
	 * @param port the port on 127.0.0.1, or 0 for any free one
	 * @return the running store
	 */
	public static MongoWireStore start(Path file, int port) {
		return start(file, port, DEFAULT_CACHE_MB);
	}

	/**
	 * Opens (or creates) the store file and starts listening.
	 * @param file the MVStore file holding every database
	 * @param port the port on 127.0.0.1, or 0 for any free one
	 * @param cacheMegabytes the MVStore's page cache
	 * @return the running store
	 */
	public static MongoWireStore start(Path file, int port, int cacheMegabytes) {
		Path absolute = file.toAbsolutePath();
		createParentDirectories(absolute);
		H2Backend backend = new TypedH2Backend(StoreFormat.open(absolute, cacheMegabytes));
		// No oplog: nothing here reads a change stream, and it would write every write
		// twice.
		MongoServer server = new MongoServer(backend);
		try {
			server.bind(HOST, port);
		}
		catch (RuntimeException ex) {
			backend.close();
			throw ex;
		}
		return new MongoWireStore(absolute, backend, server, server.getLocalAddress());
	}

	public InetSocketAddress address() {
		return this.address;
	}

	public Path file() {
		return this.file;
	}

	/** The URI a MongoDB driver connects with. */
	public String connectionString() {
		return "mongodb://" + HOST + ":" + this.address.getPort();
	}

	/**
	 * Stops accepting connections and closes the store file. Every write was committed to
	 * the file before it was answered ({@link TypedH2Backend}), so a hard kill loses none
	 * that a client was told had succeeded.
	 */
	@Override
	public void close() {
		if (this.closed.compareAndSet(false, true)) {
			try {
				this.server.shutdown();
			}
			finally {
				this.backend.close();
			}
		}
	}

	public static void main(String[] args) throws InterruptedException {
		Path file = Path.of((args.length > 0) ? args[0] : env("CCHC_MONGO_FILE", DEFAULT_FILE));
		int port = Integer.parseInt(env("CCHC_MONGO_PORT", String.valueOf(DEFAULT_PORT)));
		int cache = Integer.parseInt(env("CCHC_MONGO_CACHE_MB", String.valueOf(DEFAULT_CACHE_MB)));
		MongoWireStore store = start(file, port, cache);
		CountDownLatch stopped = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			store.close();
			System.out.println("CCHC mongo store stopped, data kept in " + store.file());
			stopped.countDown();
		}, "mongo-store-shutdown"));
		System.out.println("CCHC mongo store ready on " + store.connectionString() + " (data in " + store.file() + ")");
		stopped.await();
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return (value == null || value.isBlank()) ? fallback : value;
	}

	private static void createParentDirectories(Path file) {
		Path parent = file.getParent();
		if (parent != null) {
			try {
				Files.createDirectories(parent);
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot create the folder of the store file " + file, ex);
			}
		}
	}

}
