package vn.gov.cchc.report.counting;

import java.time.Duration;
import java.util.Map;
import java.util.function.Function;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.Stores;
import tools.jackson.databind.json.JsonMapper;
import vn.gov.cchc.events.Topics;
import vn.gov.cchc.messaging.CloudEventJson;

/**
 * The counting, as a Kafka Streams topology: {@code cchc.progress} in, each changed
 * read-model document out (on {@value #DOCUMENTS}, keyed by its id).
 *
 * <pre>
 * cchc.progress ─▶ count-facts (FactCounter: dedupe, corrections, roll-up on the fact's date
 *                  │              with the units global store, facts waiting for their unit)
 *                  ├─ refused ─▶ cchc.progress.dlq
 *                  └─ deltas, keyed by the top of their roll-up ─▶ repartition "rollup-paths"
 *                     ─▶ sum-figures (FiguresAggregator: sums for each unit of the roll-up per
 *                        plan × activity × day and per unit, flushes each changed document
 *                        once per interval)
 *                     ─▶ cchc.report.documents
 * </pre>
 */
final class CountingTopology implements Function<KStream<String, byte[]>, KStream<String, byte[]>> {

	/** The topic of changed read-model documents, which {@link ReadModelWriter} reads. */
	static final String DOCUMENTS = "cchc.report.documents";

	private final CloudEventJson reader;

	private final CountingMetrics metrics;

	private final CountingProperties properties;

	private final JsonMapper json;

	CountingTopology(CloudEventJson reader, CountingMetrics metrics, CountingProperties properties, JsonMapper json) {
		this.reader = reader;
		this.metrics = metrics;
		this.properties = properties;
		this.json = json;
	}

	@Override
	public KStream<String, byte[]> apply(KStream<String, byte[]> progress) {
		Map<String, KStream<String, FactOutcome>> outcomes = progress
			.process(FactCounter.supplier(this.reader, this.metrics, this.properties.waitingRetryInterval(),
					this.properties.stores()), Named.as("count-facts"))
			.split(Named.as("fact-"))
			.branch((unit, outcome) -> outcome instanceof Refused, Branched.as("refused"))
			.defaultBranch(Branched.as("deltas"));
		outcomes.get("fact-refused")
			.mapValues((outcome) -> ((Refused) outcome).value(), Named.as("refused-value"))
			.to(Topics.deadLetter(Topics.PROGRESS), Produced.with(Serdes.String(), Serdes.ByteArray()));
		return outcomes.get("fact-deltas")
			.mapValues((outcome) -> (Delta) outcome, Named.as("delta"))
			.repartition(Repartitioned.with(Serdes.String(), Delta.SERDE).withName("rollup-paths"))
			.process(
					FiguresAggregator.supplier(this.metrics, this.properties.flushInterval(), this.properties.stores()),
					Named.as("sum-figures"))
			.mapValues((document) -> this.json.writeValueAsBytes(document), Named.as("document-json"));
	}

	/**
	 * The topology's settings, {@code cchc.report.counting.*}.
	 *
	 * @param flushInterval how often changed documents are emitted
	 * @param waitingRetryInterval how often facts waiting for their unit are tried again
	 * @param stores the kind of store behind each store name: RocksDB in the service
	 * (changelogged either way)
	 */
	record CountingProperties(Duration flushInterval, Duration waitingRetryInterval,
			Function<String, KeyValueBytesStoreSupplier> stores) {

		CountingProperties(Duration flushInterval, Duration waitingRetryInterval) {
			this(flushInterval, waitingRetryInterval, Stores::persistentKeyValueStore);
		}

	}

}
