package vn.gov.cchc.report.counting;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** The counting topology's counters, {@code cchc.counting.*}. */
final class CountingMetrics {

	private final Counter counted;

	private final Counter duplicates;

	private final Counter refused;

	private final Counter skipped;

	private final Counter waited;

	private final Counter documents;

	CountingMetrics(MeterRegistry registry) {
		this.counted = Counter.builder("cchc.counting.counted")
			.description("Facts counted for the first time (reports, corrections, retractions)")
			.register(registry);
		this.duplicates = Counter.builder("cchc.counting.duplicates")
			.description("Records of an event id already counted (retries, second publications)")
			.register(registry);
		this.refused = Counter.builder("cchc.counting.refused")
			.description("Records of cchc.progress that can never be counted, sent to the DLQ")
			.register(registry);
		this.skipped = Counter.builder("cchc.counting.skipped")
			.description("Events on cchc.progress of a type this service does not know")
			.register(registry);
		this.waited = Counter.builder("cchc.counting.waiting")
			.description("Facts set aside until their unit (or an earlier fact of it) can be counted")
			.register(registry);
		this.documents = Counter.builder("cchc.counting.documents")
			.description("Changed figures and totals documents emitted to the read model")
			.register(registry);
	}

	void counted() {
		this.counted.increment();
	}

	void duplicate() {
		this.duplicates.increment();
	}

	void refused() {
		this.refused.increment();
	}

	void skipped() {
		this.skipped.increment();
	}

	void waited() {
		this.waited.increment();
	}

	void documents(int count) {
		this.documents.increment(count);
	}

}
