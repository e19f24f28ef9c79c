import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Benchmark of the thin path through a running local system (deploy/local/cchc up):
 * throughput of progress events accepted by the gateway with N concurrent clients, and
 * the latency from posting an event to seeing it in the province's figures for the
 * period (rolled up through the district), idle and under load, and how fast report-service counts what was accepted. Plain JDK, compiled with bench/common by bench_java in bench/local-system.sh.
 */
public class ThinPathBench {

	static final Pattern EVENTS = Pattern.compile("\"events\"\\s*:\\s*(\\d+)");

	static final List<String> LOAD_COMMUNES = List.of("09190", "09193", "09247");

	static final String PROBE_COMMUNE = "09250";

	static final String PROVINCE = "27";

	/** Events accepted since start-up, the demo data has none. */
	static final AtomicLong posted = new AtomicLong();

	public static void main(String[] args) throws Exception {
		Map<String, String> options = BenchSupport.options(args);
		int[] clientCounts = Arrays.stream(options.getOrDefault("clients", "1,4,16").split(","))
			.mapToInt(Integer::parseInt)
			.toArray();
		int events = Integer.parseInt(options.getOrDefault("events", "3000"));
		int probes = Integer.parseInt(options.getOrDefault("probes", "200"));
		int backgroundRate = Integer.parseInt(options.getOrDefault("background-rate", "30"));

		System.out.println("Warm-up: " + Math.min(events, 1000) + " events with 4 clients");
		load(4, Math.min(events, 1000));
		drain();

		System.out.println();
		System.out.println("Accepted: 202 from the gateway (the broker has the event). Counted: the province total"
				+ " shows every event of the run (timed from the first post).");
		System.out.println();
		System.out.println("| clients | events | accepted/s | ratio to 1 client | post p50 ms | post p99 ms | counted/s |");
		System.out.println("|---:|---:|---:|---:|---:|---:|---:|");
		double single = 0;
		for (int clients : clientCounts) {
			Result result = load(clients, events);
			double counted = events / ((drain() - result.started()) / 1e9);
			if (single == 0) {
				single = result.perSecond();
			}
			System.out.printf("| %d | %d | %.0f | %.2f | %.1f | %.1f | %.0f |%n", clients, events,
					result.perSecond(), result.perSecond() / single, result.p(0.50), result.p(0.99), counted);
		}

		System.out.println();
		System.out.println("| event-to-province-figures latency | probes | p50 ms | p99 ms | max ms |");
		System.out.println("|---|---:|---:|---:|---:|");
		long[] idle = probe(probes);
		System.out.printf("| idle | %d | %.1f | %.1f | %.1f |%n", probes, BenchSupport.p(idle, 0.5), BenchSupport.p(idle, 0.99),
				BenchSupport.p(idle, 1.0));
		AtomicBoolean running = new AtomicBoolean(true);
		Thread background = new Thread(() -> {
			long interval = 1_000_000_000L / backgroundRate;
			long next = System.nanoTime();
			while (running.get()) {
				try {
					post(LOAD_COMMUNES.get((int) (Math.random() * LOAD_COMMUNES.size())));
				}
				catch (Exception ex) {
					throw new IllegalStateException(ex);
				}
				next += interval;
				long wait = next - System.nanoTime();
				if (wait > 0) {
					LockSupport.parkNanos(wait);
				}
			}
		}, "background-load");
		background.setDaemon(true);
		background.start();
		try {
			long[] loaded = probe(probes);
			System.out.printf("| while %d other events/s arrive | %d | %.1f | %.1f | %.1f |%n", backgroundRate, probes,
					BenchSupport.p(loaded, 0.5), BenchSupport.p(loaded, 0.99), BenchSupport.p(loaded, 1.0));
		}
		finally {
			running.set(false);
		}
	}

	/** Waits until the province counts every event posted so far; returns when it did. */
	static long drain() throws Exception {
		long deadline = System.nanoTime() + 600_000_000_000L;
		while (events(PROVINCE) < posted.get()) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("province total still behind after 10 minutes");
			}
			Thread.sleep(20);
		}
		return System.nanoTime();
	}

	record Result(long started, long nanos, int events, long[] latencies) {

		double perSecond() {
			return this.events / (this.nanos / 1e9);
		}

		double p(double q) {
			return BenchSupport.p(this.latencies, q);
		}

	}

	static Result load(int clients, int events) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		try {
			List<Future<long[]>> futures = new ArrayList<>();
			long start = System.nanoTime();
			for (int c = 0; c < clients; c++) {
				int share = events / clients + (c < events % clients ? 1 : 0);
				String commune = LOAD_COMMUNES.get(c % LOAD_COMMUNES.size());
				futures.add(pool.submit(() -> {
					long[] latencies = new long[share];
					for (int i = 0; i < share; i++) {
						long t0 = System.nanoTime();
						post(commune);
						latencies[i] = System.nanoTime() - t0;
					}
					return latencies;
				}));
			}
			long[] all = new long[events];
			int at = 0;
			for (Future<long[]> future : futures) {
				long[] part = future.get();
				System.arraycopy(part, 0, all, at, part.length);
				at += part.length;
			}
			return new Result(start, System.nanoTime() - start, events, all);
		}
		finally {
			pool.shutdownNow();
		}
	}

	/**
	 * Posts one event for the probe commune and waits until the province's figures for
	 * the plan's 6-month period count it: what the provincial dashboard reads, after the
	 * roll-up through the district.
	 */
	static long[] probe(int probes) throws Exception {
		long[] latencies = new long[probes];
		for (int i = 0; i < probes; i++) {
			long before = periodEvents(PROVINCE);
			long t0 = System.nanoTime();
			post(PROBE_COMMUNE);
			while (periodEvents(PROVINCE) <= before) {
				Thread.sleep(2);
				if (System.nanoTime() - t0 > 120_000_000_000L) {
					throw new IllegalStateException("event not visible in the period's figures after 120 s");
				}
			}
			latencies[i] = System.nanoTime() - t0;
		}
		return latencies;
	}

	static void post(String commune) throws Exception {
		HttpResponse<String> response = BenchSupport.postProgress(commune);
		if (response.statusCode() != 202) {
			throw new IllegalStateException("POST answered " + response.statusCode() + ": " + response.body());
		}
		posted.incrementAndGet();
	}

	static long events(String unit) throws Exception {
		return eventsAt(BenchSupport.gateway + "/api/v1/totals/" + unit);
	}

	/** The unit's count of facts in the 6-month period of 2022 that 2022-05-10 falls in. */
	static long periodEvents(String unit) throws Exception {
		return eventsAt(BenchSupport.gateway + "/api/v1/figures/" + unit + "?plan=27-2022-22-KH-UBND&period=2022-H1");
	}

	static long eventsAt(String url) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create(url))
			.header("Authorization", BenchSupport.bearer("cchc-provisioning"))
			.timeout(Duration.ofSeconds(10))
			.build();
		String body = BenchSupport.http.send(request, HttpResponse.BodyHandlers.ofString()).body();
		Matcher matcher = EVENTS.matcher(body);
		if (!matcher.find()) {
			throw new IllegalStateException("no events count in " + body);
		}
		return Long.parseLong(matcher.group(1));
	}

}
