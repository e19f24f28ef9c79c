import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What every bench program shares: the HTTP client, the options, client-credentials
 * tokens of the local issuer's demo clients and percentiles. Compiled with each program by
 * {@code bench_java} in bench/local-system.sh; plain JDK.
 */
final class BenchSupport {

	static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	/** The gateway's and the issuer's base addresses, set by {@link #options(String[])}. */
	static String gateway = "http://127.0.0.1:8080";

	static String issuer = "http://localhost:9000";

	private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

	private static final Pattern EXPIRES_IN = Pattern.compile("\"expires_in\"\\s*:\\s*(\\d+)");

	/** Access tokens of the demo clients and when to take a new one (epoch millis). */
	private static final Map<String, String[]> tokens = new ConcurrentHashMap<>();

	private BenchSupport() {
	}

	/** {@code --name=value} arguments; {@code --gateway} and {@code --issuer} are taken here. */
	static Map<String, String> options(String[] args) {
		Map<String, String> options = new HashMap<>();
		for (String arg : args) {
			if (arg.startsWith("--") && arg.contains("=")) {
				options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
			}
		}
		gateway = options.getOrDefault("gateway", gateway);
		issuer = options.getOrDefault("issuer", issuer);
		return options;
	}

	/**
	 * "Bearer" and a token of the demo client, by client credentials (secret: the id and
	 * "-secret"), kept until a minute before it runs out.
	 */
	static String bearer(String client) throws Exception {
		String[] kept = tokens.get(client);
		if (kept == null || System.currentTimeMillis() > Long.parseLong(kept[1])) {
			String basic = Base64.getEncoder()
				.encodeToString((client + ":" + client + "-secret").getBytes(StandardCharsets.UTF_8));
			HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(issuer + "/oauth2/token"))
				.header("Authorization", "Basic " + basic)
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
				.build(), HttpResponse.BodyHandlers.ofString());
			Matcher token = ACCESS_TOKEN.matcher(answer.body());
			Matcher expires = EXPIRES_IN.matcher(answer.body());
			if (answer.statusCode() != 200 || !token.find() || !expires.find()) {
				throw new IllegalStateException("no token for " + client + ": " + answer.body());
			}
			kept = new String[] { token.group(1),
					Long.toString(System.currentTimeMillis() + (Long.parseLong(expires.group(1)) - 60) * 1000) };
			tokens.put(client, kept);
		}
		return "Bearer " + kept[0];
	}

	/**
	 * A progress report of the demo plan's radio activity for the commune, under a new
	 * event id.
	 */
	static String progressReport(String commune) {
		return """
				{"eventId":"%s","unitCode":"%s","planId":"27-2022-22-KH-UBND","activityId":"HD07","date":"2022-05-10",\
				"quantities":{"broadcasts":1,"minutes":15},"evidence":["https://bacninh.gov.vn/tin-tuc/cchc"],\
				"budgetSpentVnd":0,"reporter":"bench"}"""
			.formatted(UUID.randomUUID(), commune);
	}

	/** Posts one progress report for the commune with its own system's token. */
	static HttpResponse<String> postProgress(String commune) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create(gateway + "/api/v1/progress"))
			.header("Authorization", bearer("commune-" + commune))
			.header("Content-Type", "application/json")
			.timeout(Duration.ofSeconds(60))
			.POST(HttpRequest.BodyPublishers.ofString(progressReport(commune)))
			.build();
		return http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	/** The q-quantile (nearest rank) of durations in nanoseconds, in milliseconds. */
	static double p(long[] nanos, double q) {
		if (nanos.length == 0) {
			return Double.NaN;
		}
		long[] sorted = nanos.clone();
		Arrays.sort(sorted);
		int index = (int) Math.ceil(q * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(index, sorted.length - 1))] / 1e6;
	}

}
