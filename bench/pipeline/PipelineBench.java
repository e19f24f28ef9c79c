import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The event pipeline against the broker's own speed, in one run on one box (issue 13):
 * Kafka's ProducerPerformance as the limit; valid progress events straight onto
 * {@code cchc.progress}, through {@code cchc.progress.inbox}, through HTTP batches of 100
 * and single POSTs, each until the province's totals count them; the ratio of each to the
 * limit; event to province-figures latency at a steady rate; the counting rate with a
 * small and a large log behind it; rebuilding every figure; a unit import until visible;
 * the reminders of every commune until the dev providers have them. Prints markdown
 * tables. Plain JDK plus kafka-clients (the broker's jars), compiled with bench/common by
 * bench_java in bench/local-system.sh; run by bench/run-pipeline.sh.
 * <p>
 * Phases ({@code --only=a,b} or {@code --skip=a,b}): perf, log-small, progress, inbox,
 * batch, single, latency, log-large, rebuild, units, reminders.
 */
public class PipelineBench {

	static final List<String> PHASES = List.of("perf", "log-small", "progress", "inbox", "batch", "single", "latency",
			"log-large", "rebuild", "units", "reminders");

	static final String PROVINCE = "27";

	static final String PLAN = "27-2022-22-KH-UBND";

	static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

	/**
	 * The demo communes of Bắc Ninh that exist in 2022 (deploy/local/demo/units.json), each
	 * with a machine client of its own at the local issuer.
	 */
	static final List<String> COMMUNES = List.of("09190", "09193", "09169", "09187", "09175", "09247", "09250",
			"09202", "09313", "09316", "09265", "09274", "09319", "09322", "09334", "09337", "09367", "09382", "09385",
			"09391", "09400", "09412", "09409", "09403", "09454", "09457", "09466", "09460", "09496", "09505", "09502",
			"09499");

	/** Activities of the demo plan a commune may report on, with their metrics. */
	static final String[][] ACTIVITIES = { { "HD07", "broadcasts", "minutes" }, { "HD01", "postings" },
			{ "HD02", "sessions", "participants" }, { "HD08", "copies", "events", "participants" } };

	static final LocalDate FIRST_DAY = LocalDate.of(2022, 1, 1);

	/** Load events fall on the plan's days before this one; the latency probes on it. */
	static final LocalDate PROBE_DAY = LocalDate.of(2022, 12, 31);

	/**
	 * How often a probe reads the province's figures: often enough for a 250 ms target,
	 * seldom enough that the reads do not become the load they measure (every 5 ms cost
	 * report-service's web threads about 6 % of the box).
	 */
	static final long PROBE_POLL_MILLIS = 20;

	static final Pattern EVENTS = Pattern.compile("\"events\"\\s*:\\s*(\\d+)");

	static final Pattern RECORDS_PER_SECOND = Pattern.compile("([0-9.]+) records/sec");

	static final String CSV_HEADER = "code,name,kind,parentCode,validFrom,validTo,contactPerson,email,phone,groups,"
			+ "predecessorCodes,successorCodes";

	/** Fresh per run, in event ids, unit codes and addresses. */
	static final String TAG = Long.toString(System.currentTimeMillis() / 1000 % (36L * 36 * 36 * 36 * 36), 36)
		.toUpperCase(Locale.ROOT);

	static final AtomicLong sequence = new AtomicLong();

	static Map<String, String> options;

	static String kafka;

	/** Where the province's totals are read: report-service itself unless --read-via=gateway. */
	static String reader;

	static String providers;

	/** report-service's own address, for its admin endpoint. */
	static String report;

	static long stallNanos;

	/** The raw producer's rate of this run, records/s; 0 until measured. */
	static double limit;

	/** Rows of the summary: path, events, sent or accepted/s, counted/s. */
	static final List<Object[]> summary = new ArrayList<>();

	static int perfRecords;

	/** Units imported by this run (codes, in order), for the reminders. */
	static List<String> imported = List.of();

	public static void main(String[] args) throws Exception {
		options = BenchSupport.options(args);
		boolean smoke = options.containsKey("smoke") || Arrays.asList(args).contains("--smoke");
		kafka = option("kafka", "127.0.0.1:9092");
		report = option("report", "http://127.0.0.1:8082");
		reader = option("read-via", "report").equals("gateway") ? BenchSupport.gateway : report;
		providers = option("providers", "http://127.0.0.1:8089");
		stallNanos = TimeUnit.SECONDS.toNanos(Long.parseLong(option("stall-seconds", "180")));

		perfRecords = intOption("perf-records", smoke ? 200_000 : 1_000_000);
		int events = intOption("events", smoke ? 2_000 : 200_000);
		int inboxEvents = intOption("inbox-events", smoke ? 500 : 100_000);
		int batchEvents = intOption("batch-events", smoke ? 1_000 : 60_000);
		int batchClients = intOption("batch-clients", 4);
		int singleEvents = intOption("single-events", smoke ? 200 : 10_000);
		int[] clients = Arrays.stream(option("clients", "1,16,64").split(",")).mapToInt(Integer::parseInt).toArray();
		int latencyRate = intOption("latency-rate", smoke ? 30 : 500);
		int latencySeconds = intOption("latency-seconds", smoke ? 20 : 60);
		long[] logEvents = Arrays.stream(option("log-events", smoke ? "2000,5000" : "10000,1000000").split(","))
			.mapToLong(Long::parseLong)
			.sorted()
			.toArray();
		int logWindow = intOption("log-window", smoke ? 500 : 100_000);
		int units = intOption("units", smoke ? 500 : 10_600);
		Set<String> phases = phases();

		System.out.println();
		System.out.printf("Pipeline bench, run %s%s: phases %s%n", TAG, smoke ? " (--smoke sizes)" : "",
				String.join(", ", phases));
		System.out.printf("Broker %s; totals read from %s; providers %s%n", kafka, reader, providers);
		System.out.println();

		createTopic("bench.producer-perf", 3);
		if (phases.contains("perf")) {
			perf(perfRecords);
		}
		if (phases.contains("log-small")) {
			logPhase(logEvents[0], logWindow);
		}
		if (phases.contains("progress")) {
			direct("cchc.progress (CloudEvents, straight)", "cchc.progress", events, true);
		}
		if (phases.contains("inbox")) {
			direct("cchc.progress.inbox (raw reports)", "cchc.progress.inbox", inboxEvents, false);
		}
		if (phases.contains("batch")) {
			http("HTTP batches of 100, " + batchClients + " clients", batchClients, batchEvents, 100);
		}
		if (phases.contains("single")) {
			for (int count : clients) {
				http("single POSTs, " + count + " client" + ((count == 1) ? "" : "s"), count, singleEvents, 1);
			}
		}
		printSummary();
		if (phases.contains("latency")) {
			latency(latencyRate, latencySeconds);
		}
		if (phases.contains("log-large")) {
			for (int i = (phases.contains("log-small") ? 1 : 0); i < logEvents.length; i++) {
				logPhase(logEvents[i], logWindow);
			}
		}
		printLog();
		if (phases.contains("rebuild")) {
			rebuild();
		}
		if (phases.contains("units")) {
			imported = importUnits(units, true);
		}
		if (phases.contains("reminders")) {
			reminders(units);
		}
		System.out.println();
		System.out.println("Done.");
	}

	// ------------------------------------------------------------------ options

	static String option(String name, String fallback) {
		return options.getOrDefault(name, fallback);
	}

	static int intOption(String name, int fallback) {
		return Integer.parseInt(option(name, Integer.toString(fallback)).replace("_", ""));
	}

	static Set<String> phases() {
		Set<String> phases = new LinkedHashSet<>(PHASES);
		if (options.containsKey("only")) {
			phases.retainAll(List.of(options.get("only").split(",")));
		}
		if (options.containsKey("skip")) {
			List.of(options.get("skip").split(",")).forEach(phases::remove);
		}
		for (String name : (options.getOrDefault("only", "") + "," + options.getOrDefault("skip", "")).split(",")) {
			if (!name.isEmpty() && !PHASES.contains(name)) {
				throw new IllegalArgumentException("no phase " + name + " (phases: " + PHASES + ")");
			}
		}
		return phases;
	}

	// ------------------------------------------------------------------- limit

	/** Kafka's own producer perf test, in a JVM of its own with the broker's jars. */
	static void perf(int records) throws Exception {
		String libs = option("kafka-libs", "deploy/local/kafka-broker/target/libs");
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xmx512m", "-cp", libs + "/*"));
		if (options.containsKey("kafka-log4j")) {
			command.add("-Dlog4j2.configurationFile=" + options.get("kafka-log4j"));
		}
		command.addAll(List.of("org.apache.kafka.tools.ProducerPerformance", "--topic", "bench.producer-perf",
				"--num-records", Integer.toString(records), "--record-size", "500", "--throughput", "-1",
				"--producer-props", "bootstrap.servers=" + kafka, "acks=all", "enable.idempotence=true",
				"compression.type=lz4"));
		System.out.println("Limit: org.apache.kafka.tools.ProducerPerformance --topic bench.producer-perf (3 partitions)"
				+ " --num-records " + records + " --record-size 500 --throughput -1 --producer-props acks=all"
				+ " enable.idempotence=true compression.type=lz4 (other producer settings at Kafka's defaults)");
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String last = null;
		try (BufferedReader out = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			for (String line = out.readLine(); line != null; line = out.readLine()) {
				if (line.contains("records sent")) {
					last = line;
				}
			}
		}
		int status = process.waitFor();
		Matcher rate = (last != null) ? RECORDS_PER_SECOND.matcher(last) : null;
		if (status != 0 || rate == null || !rate.find()) {
			throw new IllegalStateException("ProducerPerformance exited " + status + ", last line: " + last);
		}
		limit = Double.parseDouble(rate.group(1));
		System.out.println("  " + last.trim());
		System.out.println();
	}

	// ---------------------------------------------------------------- progress

	/** Makes valid progress events spread over the demo communes, activities and days. */
	static final class Fact {

		final String eventId = "pb-" + TAG + "-" + sequence.incrementAndGet();

		final String unit;

		final String activity;

		final LocalDate date;

		final String quantities;

		Fact(String unit, LocalDate date) {
			ThreadLocalRandom random = ThreadLocalRandom.current();
			this.unit = unit;
			this.date = date;
			String[] activity = ACTIVITIES[random.nextInt(ACTIVITIES.length)];
			this.activity = activity[0];
			StringBuilder quantities = new StringBuilder("{");
			for (int i = 1; i < activity.length; i++) {
				quantities.append((i > 1) ? "," : "").append('"').append(activity[i]).append("\":")
					.append(1 + random.nextInt(30));
			}
			this.quantities = quantities.append('}').toString();
		}

		static Fact random() {
			ThreadLocalRandom random = ThreadLocalRandom.current();
			return new Fact(COMMUNES.get(random.nextInt(COMMUNES.size())),
					FIRST_DAY.plusDays(random.nextInt((int) (PROBE_DAY.toEpochDay() - FIRST_DAY.toEpochDay()))));
		}

		/** The report as a commune's system sends it: the body of a POST, an inbox record. */
		String report() {
			return """
					{"eventId":"%s","unitCode":"%s","planId":"%s","activityId":"%s","date":"%s","quantities":%s,\
					"evidence":["https://bacninh.gov.vn/tin-tuc/cchc/%s"],"budgetSpentVnd":0,"reporter":"pipeline bench"}"""
				.formatted(this.eventId, this.unit, PLAN, this.activity, this.date, this.quantities, this.eventId);
		}

		/**
		 * The event plan-service publishes for the report on cchc.progress
		 * (ProgressEvents, CloudEventJson): a structured-mode CloudEvent whose id is the
		 * eventId, whose time is the recordedAt and whose subject is the unit.
		 */
		String cloudEvent(Instant recordedAt) {
			return """
					{"specversion":"1.0","id":"%s","source":"/cchc/plan-service","type":"vn.gov.cchc.progress.recorded.v1",\
					"time":"%s","subject":"%s","datacontenttype":"application/json","data":{"eventId":"%s",\
					"unitCode":"%s","planId":"%s","activityId":"%s","date":"%s","quantities":%s,\
					"evidence":["https://bacninh.gov.vn/tin-tuc/cchc/%s"],"budgetSpentVnd":0,"reporter":"pipeline bench",\
					"recordedAt":"%s","note":null}}"""
				.formatted(this.eventId, recordedAt, this.unit, this.eventId, this.unit, PLAN, this.activity, this.date,
						this.quantities, this.eventId, recordedAt);
		}

	}

	static KafkaProducer<String, byte[]> producer(int lingerMillis) {
		Properties properties = new Properties();
		properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
		properties.put(ProducerConfig.ACKS_CONFIG, "all");
		properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
		properties.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
		properties.put(ProducerConfig.LINGER_MS_CONFIG, Integer.toString(lingerMillis));
		properties.put(ProducerConfig.BATCH_SIZE_CONFIG, "65536");
		properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
		properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
		return new KafkaProducer<>(properties);
	}

	/**
	 * With the headers the Spring Cloud Stream binder puts on plan-service's records (seen
	 * with console-consumer --property print.headers=true).
	 */
	static ProducerRecord<String, byte[]> record(String topic, String key, String value) {
		ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, value.getBytes(StandardCharsets.UTF_8));
		record.headers().add("contentType", "application/json".getBytes(StandardCharsets.UTF_8));
		record.headers()
			.add("spring_json_header_types", "{\"contentType\":\"java.lang.String\"}".getBytes(StandardCharsets.UTF_8));
		return record;
	}

	/**
	 * Produces {@code count} valid events onto the topic, as CloudEvents or as raw
	 * reports, keyed by unit code; answers the nanoTime when the last was acknowledged.
	 */
	static long produce(KafkaProducer<String, byte[]> producer, String topic, long count, boolean cloudEvents)
			throws Exception {
		AtomicReference<Exception> failure = new AtomicReference<>();
		for (long i = 0; i < count; i++) {
			Fact fact = Fact.random();
			String value = cloudEvents ? fact.cloudEvent(now()) : fact.report();
			producer.send(record(topic, fact.unit, value), (metadata, ex) -> {
				if (ex != null) {
					failure.compareAndSet(null, ex);
				}
			});
			if (failure.get() != null) {
				break;
			}
		}
		producer.flush();
		if (failure.get() != null) {
			throw new IllegalStateException("producing onto " + topic + " failed", failure.get());
		}
		return System.nanoTime();
	}

	/** N events produced onto a topic, timed until the province counts them all. */
	static void direct(String path, String topic, int count, boolean cloudEvents) throws Exception {
		try (KafkaProducer<String, byte[]> producer = producer(5)) {
			// Warm the producer (metadata, connections) outside the timing.
			producer.partitionsFor(topic);
			long baseline = counted();
			long start = System.nanoTime();
			long sent = produce(producer, topic, count, cloudEvents);
			long done = drain(baseline + count, start, path);
			row(path, count, count / seconds(sent - start), count / seconds(done - start), null);
		}
	}

	// --------------------------------------------------------------------- HTTP

	/**
	 * {@code events} reports through the gateway, one per POST ({@code batch} 1) or in
	 * batches of one commune's reports, from {@code clients} threads, each with the token
	 * of its own commune's system (client k: commune k mod 32).
	 */
	static void http(String path, int clients, int events, int batch) throws Exception {
		ConcurrentLinkedQueue<Integer> requests = new ConcurrentLinkedQueue<>();
		for (int left = events; left > 0; left -= batch) {
			requests.add(Math.min(batch, left));
		}
		for (int c = 0; c < Math.min(clients, COMMUNES.size()); c++) {
			BenchSupport.bearer("commune-" + COMMUNES.get(c));
		}
		long baseline = counted();
		AtomicLong accepted = new AtomicLong();
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		List<Future<long[]>> futures = new ArrayList<>();
		long start = System.nanoTime();
		try {
			for (int c = 0; c < clients; c++) {
				String commune = COMMUNES.get(c % COMMUNES.size());
				futures.add(pool.submit(() -> {
					List<Long> latencies = new ArrayList<>();
					for (Integer size = requests.poll(); size != null; size = requests.poll()) {
						long t0 = System.nanoTime();
						accepted.addAndGet(post(commune, size, batch > 1));
						latencies.add(System.nanoTime() - t0);
					}
					return latencies.stream().mapToLong(Long::longValue).toArray();
				}));
			}
			long[] latencies = new long[0];
			for (Future<long[]> future : futures) {
				long[] part = future.get();
				long[] all = Arrays.copyOf(latencies, latencies.length + part.length);
				System.arraycopy(part, 0, all, latencies.length, part.length);
				latencies = all;
			}
			long answered = System.nanoTime();
			long done = drain(baseline + accepted.get(), start, path);
			row(path, accepted.get(), accepted.get() / seconds(answered - start),
					accepted.get() / seconds(done - start), latencies);
		}
		finally {
			pool.shutdownNow();
		}
	}

	/** One POST of one report or of a batch; answers how many were accepted. */
	static long post(String commune, int size, boolean asBatch) throws Exception {
		String body;
		if (asBatch) {
			StringBuilder reports = new StringBuilder(size * 400).append('[');
			for (int i = 0; i < size; i++) {
				reports.append((i > 0) ? "," : "").append(new Fact(commune, Fact.random().date).report());
			}
			body = reports.append(']').toString();
		}
		else {
			body = new Fact(commune, Fact.random().date).report();
		}
		HttpRequest request = HttpRequest
			.newBuilder(URI.create(BenchSupport.gateway + (asBatch ? "/api/v1/progress:batch" : "/api/v1/progress")))
			.header("Authorization", BenchSupport.bearer("commune-" + commune))
			.header("Content-Type", "application/json")
			.timeout(Duration.ofSeconds(120))
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		HttpResponse<String> response = BenchSupport.http.send(request, HttpResponse.BodyHandlers.ofString());
		if (!asBatch) {
			if (response.statusCode() != 202) {
				throw new IllegalStateException("POST answered " + response.statusCode() + ": " + excerpt(response.body()));
			}
			return 1;
		}
		if (response.statusCode() != 200) {
			throw new IllegalStateException("batch answered " + response.statusCode() + ": " + excerpt(response.body()));
		}
		long accepted = count(response.body(), "accepted");
		if (accepted != size) {
			throw new IllegalStateException("batch of " + size + ", accepted " + accepted + ": " + excerpt(response.body()));
		}
		return accepted;
	}

	// ------------------------------------------------------------------ summary

	static void row(String path, long events, double sentPerSecond, double countedPerSecond, long[] requests) {
		summary.add(new Object[] { path, events, sentPerSecond, countedPerSecond, requests });
		System.out.printf("  %s: %d events, %.0f/s sent or accepted, %.0f/s counted%n", path, events, sentPerSecond,
				countedPerSecond);
	}

	static void printSummary() {
		if (summary.isEmpty()) {
			return;
		}
		System.out.println();
		System.out.println("Sent/accepted: produced and acknowledged by the broker (straight, inbox), or answered by"
				+ " the gateway (HTTP; request p50/p99 of its POSTs). Counted: from the first event of the phase until"
				+ " GET /api/v1/totals/27 counts every one of them. Ratios: to the producer-perf limit of this run"
				+ ((limit > 0) ? " (" + "%.0f".formatted(limit) + " records/s)." : " (not measured in this run)."));
		System.out.println();
		System.out.println("| path | events | sent or accepted/s | request p50 ms | request p99 ms | counted/s |"
				+ " accepted / limit | counted / limit |");
		System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|");
		if (limit > 0) {
			System.out.printf("| Kafka ProducerPerformance (500 B, acks=all, idempotent, lz4) | %d | %.0f | | | | 100 %% |"
					+ " |%n", perfRecords, limit);
		}
		for (Object[] row : summary) {
			double sent = (double) row[2];
			double counted = (double) row[3];
			long[] requests = (long[]) row[4];
			System.out.printf("| %s | %d | %.0f | %s | %s | %.0f | %s | %s |%n", row[0], (long) row[1], sent,
					(requests == null) ? "" : ms(BenchSupport.p(requests, 0.5)),
					(requests == null) ? "" : ms(BenchSupport.p(requests, 0.99)), counted, ratio(sent), ratio(counted));
		}
		summary.clear();
	}

	static String ratio(double rate) {
		return (limit > 0) ? "%.2f %%".formatted(100 * rate / limit) : "-";
	}

	// ------------------------------------------------------------------ latency

	/**
	 * A steady load onto cchc.progress at {@code rate} events/s for {@code seconds}; all the
	 * while, one probe at a time: an event dated {@link #PROBE_DAY} (which the load does not
	 * use), timed from its send until the province's figures for that day count it.
	 */
	static void latency(int rate, int seconds) throws Exception {
		System.out.println();
		System.out.printf("Latency: %d events/s onto cchc.progress for %d s (linger.ms=0); one probe at a time, an event"
				+ " for the province's figures of %s (GET /api/v1/figures/27?plan=…&from=&to=, polled every %d ms)%n",
				rate, seconds, PROBE_DAY, PROBE_POLL_MILLIS);
		List<Long> latencies = new ArrayList<>();
		AtomicBoolean running = new AtomicBoolean(true);
		AtomicLong loadSent = new AtomicLong();
		AtomicReference<Exception> failure = new AtomicReference<>();
		try (KafkaProducer<String, byte[]> producer = producer(0)) {
			producer.partitionsFor("cchc.progress");
			long start = System.nanoTime();
			long end = start + TimeUnit.SECONDS.toNanos(seconds);
			// The load stops on time even if the last probe is still waiting.
			Thread load = new Thread(() -> {
				long interval = 1_000_000_000L / rate;
				long next = System.nanoTime();
				while (running.get() && next < end) {
					Fact fact = Fact.random();
					producer.send(record("cchc.progress", fact.unit, fact.cloudEvent(now())), (m, ex) -> {
						if (ex != null) {
							failure.compareAndSet(null, ex);
						}
					});
					loadSent.incrementAndGet();
					next += interval;
					long wait = next - System.nanoTime();
					if (wait > 0) {
						LockSupport.parkNanos(wait);
					}
				}
			}, "steady-load");
			load.setDaemon(true);
			long baseline = counted();
			load.start();
			int probe = 0;
			while (System.nanoTime() < end && failure.get() == null) {
				Fact fact = new Fact(COMMUNES.get(probe++ % COMMUNES.size()), PROBE_DAY);
				long before = probeDayEvents();
				long t0 = System.nanoTime();
				producer.send(record("cchc.progress", fact.unit, fact.cloudEvent(now())));
				while (probeDayEvents() <= before) {
					if (System.nanoTime() - t0 > stallNanos) {
						throw new IllegalStateException("a probe was not in the province's figures after "
								+ TimeUnit.NANOSECONDS.toSeconds(stallNanos) + " s");
					}
					Thread.sleep(PROBE_POLL_MILLIS);
				}
				latencies.add(System.nanoTime() - t0);
			}
			running.set(false);
			load.join();
			producer.flush();
			double loadSeconds = seconds(Math.min(System.nanoTime(), end) - start);
			long loadEvents = loadSent.get();
			long done = drain(baseline + loadEvents + probe, start, "the latency phase's load");
			long[] nanos = latencies.stream().mapToLong(Long::longValue).toArray();
			System.out.println();
			System.out.println("| event -> province figures | load sent/s | probes | p50 ms | p99 ms | max ms |"
					+ " load counted within s of its end |");
			System.out.println("|---|---:|---:|---:|---:|---:|---:|");
			System.out.printf("| steady %d events/s onto cchc.progress | %.0f | %d | %s | %s | %s | %.1f |%n", rate,
					loadEvents / loadSeconds, nanos.length, ms(BenchSupport.p(nanos, 0.5)),
					ms(BenchSupport.p(nanos, 0.99)), ms(BenchSupport.p(nanos, 1.0)),
					seconds(done - start) - loadSeconds);
		}
		if (failure.get() != null) {
			throw new IllegalStateException("the steady load failed", failure.get());
		}
	}

	static long probeDayEvents() throws Exception {
		return eventsAt(reader + "/api/v1/figures/" + PROVINCE + "?plan=" + PLAN + "&from=" + PROBE_DAY + "&to="
				+ PROBE_DAY);
	}

	// ---------------------------------------------------------------------- log

	static final List<String> logRows = new ArrayList<>();

	/**
	 * Fills cchc.progress up to {@code size} events (straight, as fast as the broker takes
	 * them; counted before the window starts), then times the counting of a window of
	 * {@code window} more.
	 */
	static void logPhase(long size, int window) throws Exception {
		long now = counted();
		System.out.println();
		try (KafkaProducer<String, byte[]> producer = producer(5)) {
			producer.partitionsFor("cchc.progress");
			if (now < size) {
				System.out.printf("Log: filling cchc.progress from %d to %d counted events%n", now, size);
				long start = System.nanoTime();
				long sent = produce(producer, "cchc.progress", size - now, true);
				long done = drain(size, start, "the log fill to " + size);
				System.out.printf("  filled: %d events, %.0f/s produced, %.0f/s counted%n", size - now,
						(size - now) / seconds(sent - start), (size - now) / seconds(done - start));
				now = size;
			}
			else {
				System.out.printf("Log: already %d counted events (asked: %d)%n", now, size);
			}
			long start = System.nanoTime();
			long sent = produce(producer, "cchc.progress", window, true);
			long done = drain(now + window, start, "the window after " + now);
			double counted = window / seconds(done - start);
			System.out.printf("  window: %d events, %.0f/s produced, %.0f/s counted%n", window,
					window / seconds(sent - start), counted);
			logRows.add("| %d | %d | %.0f | %.0f |".formatted(now, window, window / seconds(sent - start), counted));
		}
	}

	static void printLog() {
		if (logRows.isEmpty()) {
			return;
		}
		System.out.println();
		System.out.println("Flat cost: the counting rate of a window of events produced straight onto cchc.progress,"
				+ " with this many events already in the log (counted by the province when the window starts).");
		System.out.println();
		System.out.println("| events in the log | window | produced/s | counted/s |");
		System.out.println("|---:|---:|---:|---:|");
		logRows.forEach(System.out::println);
		logRows.clear();
	}

	// ------------------------------------------------------------------ rebuild

	/**
	 * POST /api/v1/admin/totals:rebuild with the province administrator's token, then the
	 * province's totals polled until they count every event again. A synchronous rebuild
	 * (200) is done when it answers; an asynchronous one (202: report-service's Kafka
	 * Streams counting empties its read model and reads cchc.progress again from offset 0)
	 * when the total, having been seen below the expected count, is back to it.
	 */
	static void rebuild() throws Exception {
		long expected = counted();
		System.out.println();
		System.out.printf("Rebuild: every figure from the log, %d events counted by the province before%n", expected);
		long start = System.nanoTime();
		HttpRequest request = HttpRequest.newBuilder(URI.create(report + "/api/v1/admin/totals:rebuild"))
			.header("Authorization", BenchSupport.bearer("cchc-provisioning"))
			.timeout(Duration.ofMinutes(60))
			.POST(HttpRequest.BodyPublishers.noBody())
			.build();
		HttpResponse<String> response = BenchSupport.http.send(request, HttpResponse.BodyHandlers.ofString());
		long answered = System.nanoTime();
		if (response.statusCode() / 100 != 2) {
			throw new IllegalStateException("the rebuild answered " + response.statusCode() + ": "
					+ excerpt(response.body()));
		}
		boolean sawDrop = response.statusCode() == 200;
		long lowest = Long.MAX_VALUE;
		long deadline = answered + TimeUnit.MINUTES.toNanos(60);
		long dropDeadline = answered + TimeUnit.SECONDS.toNanos(60);
		while (true) {
			// While the read model is emptied and refilled the province may be unknown for a
			// moment (404) or out of the caller's reach (403): that is a count of nothing yet.
			long now = countedOrNothing();
			lowest = Math.min(lowest, now);
			sawDrop |= now < expected;
			if (sawDrop && now >= expected) {
				break;
			}
			if (!sawDrop && System.nanoTime() > dropDeadline) {
				System.out.println("  the totals never went below the expected count within 60 s of the answer:"
						+ " taking the answer as the end");
				break;
			}
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("the totals are not back to " + expected + " 60 minutes after the"
						+ " rebuild (now " + now + ")");
			}
			Thread.sleep(50);
		}
		long done = System.nanoTime();
		System.out.println();
		System.out.println("| rebuild | events | answer | answered after s | counted again after s | events/s |");
		System.out.println("|---|---:|---|---:|---:|---:|");
		System.out.printf("| POST /api/v1/admin/totals:rebuild | %d | %d %s | %.1f | %.1f | %.0f |%n", expected,
				response.statusCode(), excerpt(response.body()).replace('|', '/').replaceAll("\\s+", " "),
				seconds(answered - start), seconds(done - start), expected / seconds(done - start));
		if (lowest < expected) {
			System.out.printf("  lowest province count seen after the answer: %s%n",
					(lowest < 0) ? "none (the totals did not answer 200)" : Long.toString(lowest));
		}
	}

	// -------------------------------------------------------------------- units

	static String communeCode(int i) {
		return "BP-%s-%05d".formatted(TAG, i);
	}

	static String mailbox(int i) {
		return "bp-%s-%05d@pipeline.bench.gov.vn".formatted(TAG, i).toLowerCase(Locale.ROOT);
	}

	static String phone(int i) {
		return "0969%06d".formatted(i);
	}

	/**
	 * {@code count} communes directly under the province (the two-level local government
	 * of July 2025), each with a contact person, a mailbox and a mobile number, imported in
	 * one POST /api/v1/units:import (CSV) and waited for until plan-service reads the last
	 * one back and notification-service has its contacts.
	 */
	static List<String> importUnits(int count, boolean print) throws Exception {
		StringBuilder csv = new StringBuilder(CSV_HEADER).append('\n');
		List<String> codes = new ArrayList<>();
		for (int i = 1; i <= count; i++) {
			codes.add(communeCode(i));
			csv.append(String.join(",", communeCode(i), "Xã Thử Nghiệm %05d".formatted(i), "COMMUNE", PROVINCE,
					"2026-01-01", "", "Nguyễn Thị Thử", mailbox(i), phone(i), "commune-radio-stations=1", "", ""))
				.append('\n');
		}
		byte[] body = csv.toString().getBytes(StandardCharsets.UTF_8);
		HttpRequest request = HttpRequest.newBuilder(URI.create(BenchSupport.gateway + "/api/v1/units:import"))
			.header("Authorization", BenchSupport.bearer("cchc-provisioning"))
			.header("Content-Type", "text/csv; charset=UTF-8")
			.timeout(Duration.ofMinutes(10))
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.build();
		long start = System.nanoTime();
		String problem = null;
		int status = 0;
		try {
			HttpResponse<String> response = BenchSupport.http.send(request, HttpResponse.BodyHandlers.ofString());
			status = response.statusCode();
			if (status != 200 || count(response.body(), "registered") != count) {
				problem = "answered " + status + ": " + excerpt(response.body());
			}
		}
		catch (HttpTimeoutException ex) {
			problem = "no answer within 10 minutes";
		}
		long answered = System.nanoTime();
		if (problem != null && status / 100 == 4) {
			throw new IllegalStateException("the import " + problem);
		}
		String last = codes.get(codes.size() - 1);
		waitFor(() -> status(BenchSupport.gateway + "/api/v1/units/" + last) == 200, "unit " + last);
		long visible = System.nanoTime();
		// The contacts of the last few codes: they lie on different partitions of cchc.units.
		for (String code : codes.subList(Math.max(0, codes.size() - 9), codes.size())) {
			waitFor(() -> status(BenchSupport.gateway + "/api/v1/contacts/" + code) == 200, "contacts of " + code);
		}
		long contacts = System.nanoTime();
		if (print) {
			System.out.println();
			System.out.printf("Units: %d communes BP-%s-nnnnn under province 27 with contacts, one CSV of %.0f KiB."
					+ " Visible: GET /api/v1/units/<last code> answers 200 (plan-service's view has read cchc.units"
					+ " back); contacts: notification-service has the last 9 codes' contacts. Timed from the start of"
					+ " the request.%n", count, TAG, body.length / 1024.0);
			System.out.println();
			System.out.println("| units | answer | answered after s | visible after s | units/s to visible |"
					+ " contacts after s |");
			System.out.println("|---:|---|---:|---:|---:|---:|");
			System.out.printf("| %d | %s | %.2f | %.2f | %.0f | %.2f |%n", count,
					(problem == null) ? Integer.toString(status) : problem.replace('|', '/'), seconds(answered - start),
					seconds(visible - start), count / seconds(visible - start), seconds(contacts - start));
		}
		return codes;
	}

	// ---------------------------------------------------------------- reminders

	/**
	 * One SubmissionDue per commune on cchc.submissions (as report-service publishes them
	 * when a round opens), with a due date whose latest passed rule sends email and SMS,
	 * then the dev providers' message logs polled until every commune has its email and its
	 * SMS.
	 */
	static void reminders(int count) throws Exception {
		List<String> codes = imported;
		if (codes.size() < count) {
			System.out.println();
			System.out.printf("Reminders: importing %d communes with contacts first (untimed here)%n", count);
			codes = importUnits(count, false);
			imported = codes;
		}
		// The recipients: a message sent twice counts once.
		Pattern mails = Pattern.compile("\"to\"\\s*:\\s*\"(bp-" + TAG.toLowerCase(Locale.ROOT) + "-\\d{5})@");
		Pattern sms = Pattern.compile("\"to\"\\s*:\\s*\"\\+?(?:84|0)(969\\d{6})\"");
		long mailsBefore = occurrences(providers + "/mail/v1/messages?view=recipients", mails);
		long smsBefore = occurrences(providers + "/sms/v1/messages", sms);
		// The rule D-1 is at 08:00 the day before the due date, D-3 three days before: before
		// 08:00 in Vietnam D-3 of the day after tomorrow has passed, after it D-1 of tomorrow;
		// both go by email and SMS (notification-service's default schedule).
		java.time.ZonedDateTime now = java.time.ZonedDateTime.now(VIETNAM);
		LocalDate due = now.toLocalDate().plusDays(now.toLocalTime().isBefore(LocalTime.of(8, 0)) ? 2 : 1);
		String period = "PB-" + TAG;
		String plan = "KH-PIPELINE-BENCH";
		System.out.println();
		System.out.printf("Reminders: %d SubmissionDue events (plan %s, period %s, due %s) onto cchc.submissions;"
				+ " polling %s/sms/v1/messages every 1 s and /mail/v1/messages every 3 s%n", codes.size(), plan,
				period, due, providers);
		long start = System.nanoTime();
		try (KafkaProducer<String, byte[]> producer = producer(5)) {
			Instant at = Instant.now();
			for (String code : codes) {
				String submission = plan + ":" + period + ":" + code;
				String event = """
						{"specversion":"1.0","id":"%s","source":"/cchc/pipeline-bench","type":"vn.gov.cchc.submission.due.v1",\
						"time":"%s","subject":"%s","datacontenttype":"application/json","data":{"submissionId":"%s",\
						"unitCode":"%s","planId":"%s","periodId":"%s","periodType":"QUARTER","cutOff":"%s","dueDate":"%s",\
						"receiverUnitCode":"27","escalationUnitCode":"27","occurredAt":"%s"}}"""
					.formatted("due-" + TAG + "-" + code, at, submission, submission, code, plan, period,
							due.minusDays(5), due, at);
				producer.send(record("cchc.submissions", submission, event));
			}
			producer.flush();
		}
		long published = System.nanoTime();
		long mailDone = 0;
		long smsDone = 0;
		long mailCount = 0;
		long smsCount = 0;
		long lastProgress = System.nanoTime();
		int tick = 0;
		while (mailDone == 0 || smsDone == 0) {
			Thread.sleep(1000);
			tick++;
			if (smsDone == 0) {
				long seen = occurrences(providers + "/sms/v1/messages", sms) - smsBefore;
				lastProgress = (seen > smsCount) ? System.nanoTime() : lastProgress;
				smsCount = seen;
				smsDone = (seen >= codes.size()) ? System.nanoTime() : 0;
			}
			// Every 3 s only, and only the mailboxes that hold mail (reading every message of
			// thousands took longer than the poll's time-out).
			if (mailDone == 0 && tick % 3 == 0) {
				long seen = occurrences(providers + "/mail/v1/messages?view=recipients", mails) - mailsBefore;
				lastProgress = (seen > mailCount) ? System.nanoTime() : lastProgress;
				mailCount = seen;
				mailDone = (seen >= codes.size()) ? System.nanoTime() : 0;
			}
			if (System.nanoTime() - lastProgress > stallNanos) {
				System.out.printf("  stalled: %d emails and %d SMS of %d after %.0f s, nothing new for %d s%n",
						mailCount, smsCount, codes.size(), seconds(System.nanoTime() - start),
						TimeUnit.NANOSECONDS.toSeconds(stallNanos));
				break;
			}
		}
		System.out.println();
		System.out.println("| reminders | communes | published in s | all emails after s | all SMS after s |"
				+ " messages/s |");
		System.out.println("|---|---:|---:|---:|---:|---:|");
		long end = Math.max(mailDone, smsDone);
		System.out.printf("| SubmissionDue -> dev providers' logs | %d | %.1f | %s | %s | %s |%n", codes.size(),
				seconds(published - start), (mailDone == 0) ? "%d only".formatted(mailCount)
						: "%.1f".formatted(seconds(mailDone - start)),
				(smsDone == 0) ? "%d only".formatted(smsCount) : "%.1f".formatted(seconds(smsDone - start)),
				(mailDone == 0 || smsDone == 0) ? "-" : "%.0f".formatted(2 * codes.size() / seconds(end - start)));
	}

	// ------------------------------------------------------------------ helpers

	/** The province's count of events in its totals. */
	static long counted() throws Exception {
		return eventsAt(reader + "/api/v1/totals/" + PROVINCE);
	}

	/** The province's count, or -1 when the totals do not answer 200. */
	static long countedOrNothing() throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create(reader + "/api/v1/totals/" + PROVINCE))
			.header("Authorization", BenchSupport.bearer("cchc-provisioning"))
			.timeout(Duration.ofSeconds(30))
			.build();
		HttpResponse<String> response = BenchSupport.http.send(request, HttpResponse.BodyHandlers.ofString());
		Matcher matcher = EVENTS.matcher(response.body());
		return (response.statusCode() == 200 && matcher.find()) ? Long.parseLong(matcher.group(1)) : -1;
	}

	static long eventsAt(String url) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create(url))
			.header("Authorization", BenchSupport.bearer("cchc-provisioning"))
			.timeout(Duration.ofSeconds(30))
			.build();
		HttpResponse<String> response = BenchSupport.http.send(request, HttpResponse.BodyHandlers.ofString());
		Matcher matcher = EVENTS.matcher(response.body());
		if (response.statusCode() != 200 || !matcher.find()) {
			throw new IllegalStateException("GET " + url + " answered " + response.statusCode() + ": "
					+ excerpt(response.body()));
		}
		return Long.parseLong(matcher.group(1));
	}

	/**
	 * Polls the province's totals every 50 ms until they count {@code target} events;
	 * answers when. Gives up when the count has not moved for --stall-seconds.
	 */
	static long drain(long target, long start, String what) throws Exception {
		long last = -1;
		long moved = System.nanoTime();
		while (true) {
			long now = counted();
			if (now >= target) {
				return System.nanoTime();
			}
			if (now != last) {
				last = now;
				moved = System.nanoTime();
			}
			else if (System.nanoTime() - moved > stallNanos) {
				throw new IllegalStateException("%s: the province counts %d of %d events %.0f s after the start, and"
					.formatted(what, now, target, seconds(System.nanoTime() - start)) + " nothing moved for "
						+ TimeUnit.NANOSECONDS.toSeconds(stallNanos) + " s");
			}
			Thread.sleep(50);
		}
	}

	interface Check {

		boolean done() throws Exception;

	}

	static void waitFor(Check check, String what) throws Exception {
		long deadline = System.nanoTime() + stallNanos;
		while (!check.done()) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException(what + " not visible after " + TimeUnit.NANOSECONDS.toSeconds(stallNanos)
						+ " s");
			}
			Thread.sleep(50);
		}
	}

	static int status(String url) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create(url))
			.header("Authorization", BenchSupport.bearer("cchc-provisioning"))
			.timeout(Duration.ofSeconds(30))
			.build();
		return BenchSupport.http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
	}

	/** How many distinct values of the pattern's group 1 the answer holds. */
	static long occurrences(String url, Pattern pattern) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).build();
		HttpResponse<String> response = BenchSupport.http.send(request, HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IllegalStateException("GET " + url + " answered " + response.statusCode());
		}
		Matcher matcher = pattern.matcher(response.body());
		Set<String> distinct = new java.util.HashSet<>();
		while (matcher.find()) {
			distinct.add(matcher.group(1));
		}
		return distinct.size();
	}

	static void createTopic(String name, int partitions) throws Exception {
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka))) {
			admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all().get(60, TimeUnit.SECONDS);
		}
		catch (java.util.concurrent.ExecutionException ex) {
			if (!(ex.getCause() instanceof TopicExistsException)) {
				throw ex;
			}
		}
	}

	/** A top-level count of a JSON answer. */
	static long count(String body, String field) {
		Matcher matcher = Pattern.compile("\"" + field + "\"\\s*:\\s*(\\d+)").matcher(body);
		if (!matcher.find()) {
			throw new IllegalStateException("no " + field + " in " + excerpt(body));
		}
		return Long.parseLong(matcher.group(1));
	}

	/** Millisecond precision, as plan-service's recordedAt. */
	static Instant now() {
		return Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
	}

	static double seconds(long nanos) {
		return nanos / 1e9;
	}

	static String ms(double millis) {
		return "%.1f".formatted(millis);
	}

	static String excerpt(String body) {
		return (body.length() <= 300) ? body : body.substring(0, 300) + "...";
	}

}
