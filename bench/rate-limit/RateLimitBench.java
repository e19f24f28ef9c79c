import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Benchmark of the gateway's per-client rate limit through a running local system whose
 * limit is on (bench/run-rate-limit.sh): a commune's system that stays within its rate
 * posts progress reports at a steady pace, in rounds alone and while another commune's
 * system floods the gateway from several connections, over its own rate. It prints the
 * steady client's round trips and answers in both conditions, their ratio in the run, and
 * what the flooding client got (how many were let through, how fast the 429s came back).
 * Plain JDK, compiled with bench/common by bench_java in bench/local-system.sh.
 */
public class RateLimitBench {

	/** The client that keeps within its rate, and the one that floods. */
	static final String STEADY = "09193";

	static final String FLOODER = "09190";

	public static void main(String[] args) throws Exception {
		var options = BenchSupport.options(args);
		int requests = Integer.parseInt(options.getOrDefault("requests", "400"));
		int steadyRate = Integer.parseInt(options.getOrDefault("steady-rate", "10"));
		int connections = Integer.parseInt(options.getOrDefault("flood-connections", "8"));
		int rounds = Integer.parseInt(options.getOrDefault("rounds", "8"));

		System.out.printf("Warm-up: %d reports from each client at %d/s%n", requests / 4, steadyRate);
		steady(STEADY, requests / 4, steadyRate);
		steady(FLOODER, requests / 4, steadyRate);

		// Alone and flooded in turns, so that whatever else the box does drifts into both.
		int perBlock = Math.max(1, requests / rounds);
		List<Steady> alone = new ArrayList<>();
		List<Steady> flooded = new ArrayList<>();
		Answers flooding = new Answers();
		long floodNanos = 0;
		for (int round = 0; round < rounds; round++) {
			alone.add(steady(STEADY, perBlock, steadyRate));
			Flood flood = new Flood(connections, flooding);
			flood.start();
			try {
				// The flooder spends its burst first, so that the block is all over its rate.
				Thread.sleep(2500);
				flood.countFromNow();
				flooded.add(steady(STEADY, perBlock, steadyRate));
			}
			finally {
				floodNanos += flood.stop();
			}
		}
		Steady aloneAll = Steady.of(alone);
		Steady floodedAll = Steady.of(flooded);

		System.out.println();
		System.out.printf("commune-%s posts one progress report every %d ms (%d/s, within its rate) and times each"
				+ " round trip through the gateway, in %d rounds of %d alone and %d while commune-%s floods.%n", STEADY,
				1000 / steadyRate, steadyRate, rounds, perBlock, perBlock, FLOODER);
		System.out.println();
		System.out.println("| commune-" + STEADY + " | requests | 202 | 429 | other | p50 ms | p95 ms | p99 ms | max ms |");
		System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
		aloneAll.print("alone");
		floodedAll.print("while commune-" + FLOODER + " floods from " + connections + " connections");
		System.out.printf("%nRatio while flooded to alone, same run: p50 %.2f, p95 %.2f, p99 %.2f%n",
				floodedAll.p(0.50) / aloneAll.p(0.50), floodedAll.p(0.95) / aloneAll.p(0.95),
				floodedAll.p(0.99) / aloneAll.p(0.99));
		System.out.println();
		System.out.println("| commune-" + FLOODER + " flooding | seconds | requests | requests/s | 202 | 202/s | 429"
				+ " | other | 429 p50 ms | 429 p99 ms | 202 p50 ms |");
		System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
		printFlood(flooding, floodNanos / 1e9);
	}

	/** One client's answers: status counts and the round trip of each request. */
	static final class Answers {

		final AtomicLong accepted = new AtomicLong();

		final AtomicLong limited = new AtomicLong();

		final AtomicLong other = new AtomicLong();

		final ConcurrentLinkedQueue<Long> acceptedNanos = new ConcurrentLinkedQueue<>();

		final ConcurrentLinkedQueue<Long> limitedNanos = new ConcurrentLinkedQueue<>();

		void record(int status, long nanos) {
			if (status == 202) {
				this.accepted.incrementAndGet();
				this.acceptedNanos.add(nanos);
			}
			else if (status == 429) {
				this.limited.incrementAndGet();
				this.limitedNanos.add(nanos);
			}
			else {
				this.other.incrementAndGet();
			}
		}

		long total() {
			return this.accepted.get() + this.limited.get() + this.other.get();
		}

		static long[] array(ConcurrentLinkedQueue<Long> nanos) {
			return nanos.stream().mapToLong(Long::longValue).toArray();
		}

	}

	record Steady(Answers answers, long[] all) {

		static Steady of(List<Steady> blocks) {
			Answers answers = new Answers();
			long[] all = blocks.stream().flatMapToLong((block) -> java.util.Arrays.stream(block.all())).toArray();
			for (Steady block : blocks) {
				answers.accepted.addAndGet(block.answers().accepted.get());
				answers.limited.addAndGet(block.answers().limited.get());
				answers.other.addAndGet(block.answers().other.get());
			}
			return new Steady(answers, all);
		}

		double p(double q) {
			return BenchSupport.p(this.all, q);
		}

		void print(String phase) {
			System.out.printf("| %s | %d | %d | %d | %d | %.1f | %.1f | %.1f | %.1f |%n", phase, this.all.length,
					this.answers.accepted.get(), this.answers.limited.get(), this.answers.other.get(), p(0.50),
					p(0.95), p(0.99), p(1.0));
		}

	}

	/** Posts {@code count} reports for the commune at a fixed pace, one at a time. */
	static Steady steady(String commune, int count, int perSecond) throws Exception {
		Answers answers = new Answers();
		long[] all = new long[count];
		long interval = 1_000_000_000L / perSecond;
		long next = System.nanoTime();
		for (int i = 0; i < count; i++) {
			long t0 = System.nanoTime();
			int status = post(commune);
			all[i] = System.nanoTime() - t0;
			answers.record(status, all[i]);
			next += interval;
			long wait = next - System.nanoTime();
			if (wait > 0) {
				LockSupport.parkNanos(wait);
			}
		}
		return new Steady(answers, all);
	}

	/**
	 * The flooding client: back-to-back reports from several connections until stopped;
	 * what it gets is counted into {@code answers} from {@link #countFromNow()} on.
	 */
	static final class Flood {

		final int connections;

		final Answers answers;

		final AtomicBoolean running = new AtomicBoolean(true);

		final AtomicBoolean counting = new AtomicBoolean(false);

		final ExecutorService pool;

		final List<Future<?>> sending = new ArrayList<>();

		volatile long since;

		Flood(int connections, Answers answers) {
			this.connections = connections;
			this.answers = answers;
			this.pool = Executors.newFixedThreadPool(connections);
		}

		void start() {
			for (int c = 0; c < this.connections; c++) {
				this.sending.add(this.pool.submit(() -> {
					while (this.running.get()) {
						long t0 = System.nanoTime();
						int status = post(FLOODER);
						if (this.counting.get()) {
							this.answers.record(status, System.nanoTime() - t0);
						}
					}
					return null;
				}));
			}
		}

		void countFromNow() {
			this.since = System.nanoTime();
			this.counting.set(true);
		}

		/** Stops the flood; the nanoseconds it was counted for. */
		long stop() throws Exception {
			this.counting.set(false);
			long counted = System.nanoTime() - this.since;
			this.running.set(false);
			for (Future<?> future : this.sending) {
				future.get();
			}
			this.pool.shutdown();
			return counted;
		}

	}

	static void printFlood(Answers answers, double seconds) {
		System.out.printf("| while counted | %.1f | %d | %.0f | %d | %.1f | %d | %d | %.1f | %.1f | %.1f |%n", seconds,
				answers.total(), answers.total() / seconds, answers.accepted.get(), answers.accepted.get() / seconds,
				answers.limited.get(), answers.other.get(), BenchSupport.p(Answers.array(answers.limitedNanos), 0.50),
				BenchSupport.p(Answers.array(answers.limitedNanos), 0.99),
				BenchSupport.p(Answers.array(answers.acceptedNanos), 0.50));
	}

	/** Posts one progress report for the commune with its own system's token; the status. */
	static int post(String commune) throws Exception {
		return BenchSupport.postProgress(commune).statusCode();
	}

}
