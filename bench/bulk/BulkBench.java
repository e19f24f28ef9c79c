import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Benchmark of bulk ingestion through a running local system (deploy/local/cchc up):
 * progress reports one at a time against {@code POST /api/v1/progress:batch} with
 * batches of 100 and 1,000, how fast report-service counts them, and the unit import
 * ({@code POST /api/v1/units:import}, CSV) against {@code PUT /api/v1/units}, each until
 * plan-service's own view of the units has caught up. Plain JDK, compiled with
 * bench/common by bench_java in bench/local-system.sh.
 */
public class BulkBench {

	static final Pattern EVENTS = Pattern.compile("\"events\"\\s*:\\s*(\\d+)");

	static final List<String> COMMUNES = List.of("09190", "09193", "09247", "09250");

	static final String PROVINCE = "27";

	static final String VALID_FROM = "2026-01-01";

	static final String CSV_HEADER = "code,name,kind,parentCode,validFrom,validTo,contactPerson,email,phone,groups,"
			+ "predecessorCodes,successorCodes";

	static final String GROUPS = "commune-radio-stations=1;commune-post-offices=1";

	/** Reports accepted since the benchmark started. */
	static final AtomicLong posted = new AtomicLong();

	/** The province's event count when the benchmark started. */
	static long baseline;

	public static void main(String[] args) throws Exception {
		Map<String, String> options = BenchSupport.options(args);
		int reports = Integer.parseInt(options.getOrDefault("reports", "2000"));
		int units = Integer.parseInt(options.getOrDefault("units", "5000"));
		int putUnits = Integer.parseInt(options.getOrDefault("put-units", "500"));

		baseline = events(PROVINCE);
		int warmUp = Math.min(reports, 400);
		System.out.println("Warm-up: " + warmUp + " single reports and " + warmUp + " in batches of 100, 4 clients");
		load(4, warmUp, 1);
		load(4, warmUp, 100);
		drain();

		System.out.println();
		System.out.println("Accepted: reports the gateway answered 202 (single) or counted as accepted in a 200"
				+ " (batch). Counted: the province total shows every report of the phase (timed from its first"
				+ " post); each phase waits for that before the next starts.");
		System.out.println();
		System.out.println("| progress reports | clients | reports | requests | accepted/s | ratio to single |"
				+ " request p50 ms | request p99 ms | counted/s |");
		System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
		long runStart = System.nanoTime();
		long runReports = 0;
		double single = 0;
		int[][] phases = { { 1, 4 }, { 100, 4 }, { 1000, 1 }, { 1000, 4 } };
		for (int[] phase : phases) {
			int batch = phase[0];
			int clients = phase[1];
			Result result = load(clients, reports, batch);
			double counted = reports / ((drain() - result.started()) / 1e9);
			runReports += reports;
			if (single == 0) {
				single = result.perSecond();
			}
			System.out.printf("| %s | %d | %d | %d | %.0f | %.2f | %.1f | %.1f | %.0f |%n",
					(batch == 1) ? "single POST" : "batches of " + batch, Math.min(clients, result.requests()),
					reports, result.requests(), result.perSecond(), result.perSecond() / single, result.p(0.50),
					result.p(0.99), counted);
		}
		long runEnd = System.nanoTime();
		long counted = events(PROVINCE) - baseline;
		System.out.println();
		System.out.printf("Whole run (4 phases, without warm-up): %d reports counted by the province (events %d before"
				+ " the benchmark, %d now, %d posted in all) in %.1f s: %.0f counted/s.%n", runReports, baseline,
				baseline + counted, posted.get(), (runEnd - runStart) / 1e9, runReports / ((runEnd - runStart) / 1e9));

		// Fresh codes per run, in case the system is not a fresh one.
		String tag = Long.toString(System.currentTimeMillis() / 1000 % (36L * 36 * 36 * 36), 36)
			.toUpperCase(java.util.Locale.ROOT);
		System.out.println();
		System.out.println("Units: codes BD-" + tag + "-nnn (districts) and BC-" + tag
				+ "-nnnnn (communes) under province 27. Visible: GET /api/v1/units/<last code> answers 200, i.e."
				+ " plan-service's view has read the events back from cchc.units (timed from the start of the"
				+ " request).");
		System.out.println();
		System.out.println("| units | request | body KiB | answer | request s | units/s (request) | visible after s |"
				+ " units/s (to visible) |");
		System.out.println("|---:|---|---:|---|---:|---:|---:|---:|");
		int districts = Math.max(1, units / 100);
		int communes = units - districts;
		byte[] csv = csv(tag, districts, communes);
		String lastImported = communeCode(tag, communes);
		Bulk imported = send(HttpRequest.newBuilder(URI.create(BenchSupport.gateway + "/api/v1/units:import"))
			.header("Authorization", BenchSupport.bearer("cchc-provisioning"))
			.header("Content-Type", "text/csv; charset=UTF-8")
			.POST(HttpRequest.BodyPublishers.ofByteArray(csv)), units, lastImported, 200);
		imported.print(units, "POST /api/v1/units:import (CSV)", csv.length);

		byte[] json = json(tag, communes, putUnits);
		String lastPut = communeCode(tag, communes + putUnits);
		Bulk put = send(HttpRequest.newBuilder(URI.create(BenchSupport.gateway + "/api/v1/units"))
			.header("Authorization", BenchSupport.bearer("cchc-provisioning"))
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofByteArray(json)), putUnits, lastPut, 202);
		put.print(putUnits, "PUT /api/v1/units (JSON)", json.length);
		if (imported.problem() != null || put.problem() != null) {
			System.out.println();
			if (imported.problem() != null) {
				System.out.println("Import: " + imported.problem());
			}
			if (put.problem() != null) {
				System.out.println("PUT: " + put.problem());
			}
		}
	}

	// ------------------------------------------------------------------ progress

	/** Waits until the province counts every report posted so far; returns when it did. */
	static long drain() throws Exception {
		long deadline = System.nanoTime() + 900_000_000_000L;
		while (events(PROVINCE) - baseline < posted.get()) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("province total still behind after 15 minutes");
			}
			Thread.sleep(20);
		}
		return System.nanoTime();
	}

	record Result(long started, long nanos, int reports, int requests, long[] latencies) {

		double perSecond() {
			return this.reports / (this.nanos / 1e9);
		}

		double p(double q) {
			return BenchSupport.p(this.latencies, q);
		}

	}

	/**
	 * Posts {@code reports} reports, one at a time ({@code batch} 1) or in batches, from
	 * {@code clients} threads taking the requests from one queue.
	 */
	static Result load(int clients, int reports, int batch) throws Exception {
		ConcurrentLinkedQueue<Integer> requests = new ConcurrentLinkedQueue<>();
		for (int left = reports; left > 0; left -= batch) {
			requests.add(Math.min(batch, left));
		}
		int requestCount = requests.size();
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		try {
			List<Future<List<Long>>> futures = new ArrayList<>();
			long start = System.nanoTime();
			for (int c = 0; c < clients; c++) {
				int client = c;
				futures.add(pool.submit(() -> {
					List<Long> latencies = new ArrayList<>();
					int n = 0;
					for (Integer size = requests.poll(); size != null; size = requests.poll()) {
						long t0 = System.nanoTime();
						if (batch == 1) {
							post(COMMUNES.get((client + n) % COMMUNES.size()));
						}
						else {
							postBatch(size, client + n);
						}
						latencies.add(System.nanoTime() - t0);
						n++;
					}
					return latencies;
				}));
			}
			List<Long> all = new ArrayList<>();
			for (Future<List<Long>> future : futures) {
				all.addAll(future.get());
			}
			long nanos = System.nanoTime() - start;
			return new Result(start, nanos, reports, requestCount, all.stream().mapToLong(Long::longValue).toArray());
		}
		finally {
			pool.shutdownNow();
		}
	}

	static void post(String commune) throws Exception {
		HttpResponse<String> response = BenchSupport.postProgress(commune);
		if (response.statusCode() != 202) {
			throw new IllegalStateException("POST answered " + response.statusCode() + ": " + response.body());
		}
		posted.incrementAndGet();
	}

	static void postBatch(int size, int offset) throws Exception {
		// A commune's system sends its own reports only: one commune per batch.
		String commune = COMMUNES.get(offset % COMMUNES.size());
		StringBuilder body = new StringBuilder(size * 320).append('[');
		for (int i = 0; i < size; i++) {
			if (i > 0) {
				body.append(',');
			}
			body.append(BenchSupport.progressReport(commune));
		}
		body.append(']');
		HttpRequest request = HttpRequest.newBuilder(URI.create(BenchSupport.gateway + "/api/v1/progress:batch"))
			.header("Authorization", BenchSupport.bearer("commune-" + commune))
			.header("Content-Type", "application/json")
			.timeout(Duration.ofSeconds(120))
			.POST(HttpRequest.BodyPublishers.ofString(body.toString()))
			.build();
		HttpResponse<String> response = BenchSupport.http.send(request, HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IllegalStateException("batch answered " + response.statusCode() + ": " + response.body());
		}
		long accepted = count(response.body(), "accepted");
		long duplicates = count(response.body(), "duplicates");
		long rejected = count(response.body(), "rejected");
		long failed = count(response.body(), "failed");
		if (rejected != 0 || failed != 0 || accepted + duplicates != size) {
			throw new IllegalStateException("batch of " + size + ": accepted " + accepted + ", duplicates "
					+ duplicates + ", rejected " + rejected + ", failed " + failed + ": "
					+ excerpt(response.body()));
		}
		posted.addAndGet(accepted);
	}

	/** A top-level count of the batch answer; they come before the results. */
	static long count(String body, String field) {
		Matcher matcher = Pattern.compile("\"" + field + "\"\\s*:\\s*(\\d+)").matcher(body);
		if (!matcher.find()) {
			throw new IllegalStateException("no " + field + " in " + excerpt(body));
		}
		return Long.parseLong(matcher.group(1));
	}

	static long events(String unit) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create(BenchSupport.gateway + "/api/v1/totals/" + unit))
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

	// --------------------------------------------------------------------- units

	static String districtCode(String tag, int i) {
		return "BD-%s-%03d".formatted(tag, i);
	}

	static String communeCode(String tag, int i) {
		return "BC-%s-%05d".formatted(tag, i);
	}

	/** Districts 1..districts under the province, communes 1..communes spread over them. */
	static byte[] csv(String tag, int districts, int communes) {
		StringBuilder csv = new StringBuilder(CSV_HEADER).append('\n');
		for (int d = 1; d <= districts; d++) {
			csv.append(String.join(",", districtCode(tag, d), "Huyện Thử Nghiệm %03d".formatted(d), "DISTRICT",
					PROVINCE, VALID_FROM, "", "Trần Văn Thử", "bd-%s-%03d@bench.gov.vn".formatted(tag, d).toLowerCase(),
					"09%08d".formatted(d), "", "", ""))
				.append('\n');
		}
		for (int c = 1; c <= communes; c++) {
			csv.append(String.join(",", communeCode(tag, c), "Xã Thử Nghiệm %05d".formatted(c), "COMMUNE",
					districtCode(tag, (c - 1) % districts + 1), VALID_FROM, "", "Nguyễn Thị Thử",
					"bc-%s-%05d@bench.gov.vn".formatted(tag, c).toLowerCase(), "09%08d".formatted(c), GROUPS, "",
					""))
				.append('\n');
		}
		return csv.toString().getBytes(StandardCharsets.UTF_8);
	}

	/** Communes after..after+count, all under the first district, as a PUT body. */
	static byte[] json(String tag, int after, int count) {
		StringBuilder json = new StringBuilder("[");
		for (int c = after + 1; c <= after + count; c++) {
			if (c > after + 1) {
				json.append(',');
			}
			json.append("""
					{"code":"%s","name":"Xã Thử Nghiệm %05d","kind":"COMMUNE","parentCode":"%s","validFrom":"%s",\
					"contacts":{"person":"Nguyễn Thị Thử","email":"%s","phone":"09%08d"},\
					"groups":{"commune-radio-stations":1,"commune-post-offices":1}}"""
				.formatted(communeCode(tag, c), c, districtCode(tag, 1), VALID_FROM,
						"bc-%s-%05d@bench.gov.vn".formatted(tag, c).toLowerCase(), c));
		}
		return json.append(']').toString().getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * @param status the answer's status, 0 when the client gave up waiting
	 * @param problem what went wrong, if anything
	 */
	record Bulk(int status, long requestNanos, long visibleNanos, String problem) {

		void print(int units, String request, int bodyBytes) {
			System.out.printf("| %d | %s | %.0f | %s | %.2f | %.0f | %.2f | %.0f |%n", units, request,
					bodyBytes / 1024.0, (this.status == 0) ? "none (client gave up)" : String.valueOf(this.status),
					this.requestNanos / 1e9, units / (this.requestNanos / 1e9), this.visibleNanos / 1e9,
					units / (this.visibleNanos / 1e9));
		}

	}

	/**
	 * Sends a bulk request and waits until the last unit can be read. An answer other than
	 * the expected one (a gateway timeout, say) is kept as the problem and the wait goes on:
	 * the service may finish the work anyway.
	 */
	static Bulk send(HttpRequest.Builder builder, int units, String lastCode, int expected) throws Exception {
		HttpRequest request = builder.timeout(Duration.ofSeconds(300)).build();
		long t0 = System.nanoTime();
		int status = 0;
		String problem = null;
		try {
			HttpResponse<String> response = BenchSupport.http.send(request, HttpResponse.BodyHandlers.ofString());
			status = response.statusCode();
			String body = response.body();
			if (status != expected) {
				problem = "answered " + status + " after " + "%.1f".formatted((System.nanoTime() - t0) / 1e9) + " s: "
						+ excerpt(body);
			}
			else if (count(body, "registered") != units) {
				problem = "registered fewer than " + units + ": " + excerpt(body);
			}
			else if (body.contains("\"rejected\"") && !body.replaceAll("\\s", "").contains("\"rejected\":[]")) {
				problem = "rows rejected: " + excerpt(body);
			}
		}
		catch (HttpTimeoutException ex) {
			problem = "no answer within 300 s";
		}
		long requestNanos = System.nanoTime() - t0;
		if (problem != null && status / 100 == 4) {
			throw new IllegalStateException(request.method() + " " + request.uri() + " " + problem);
		}
		long deadline = t0 + 900_000_000_000L;
		while (!exists(lastCode)) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException(lastCode + " still not visible after 15 minutes; " + problem);
			}
			Thread.sleep(20);
		}
		return new Bulk(status, requestNanos, System.nanoTime() - t0, problem);
	}

	static boolean exists(String code) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create(BenchSupport.gateway + "/api/v1/units/" + code))
			.header("Authorization", BenchSupport.bearer("cchc-provisioning"))
			.timeout(Duration.ofSeconds(10))
			.build();
		HttpResponse<String> response = BenchSupport.http.send(request, HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200 && response.statusCode() != 404) {
			throw new IllegalStateException("GET /api/v1/units/" + code + " answered " + response.statusCode() + ": "
					+ excerpt(response.body()));
		}
		return response.statusCode() == 200;
	}

	// ------------------------------------------------------------------- helpers

	static String excerpt(String body) {
		return (body.length() <= 2000) ? body : body.substring(0, 2000) + "...";
	}

}
