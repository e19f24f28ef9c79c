package vn.gov.cchc.report.counting;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;
import vn.gov.cchc.events.CloudEvent;
import vn.gov.cchc.events.EventTypes;
import vn.gov.cchc.events.ProgressCorrected;
import vn.gov.cchc.events.ProgressRecorded;
import vn.gov.cchc.events.ProgressRetracted;
import vn.gov.cchc.events.Topics;
import vn.gov.cchc.events.UnitDetails;
import vn.gov.cchc.events.UnitRegistered;
import vn.gov.cchc.messaging.CloudEventJson;
import vn.gov.cchc.report.KafkaTestEvents;
import vn.gov.cchc.report.figures.Figures;
import vn.gov.cchc.report.totals.Totals;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.util.FileSystemUtils;

/**
 * The service's counting topology in a {@link TopologyTestDriver} (exactly once, RocksDB
 * stores in a temporary folder), fed with CloudEvents as plan-service publishes them;
 * each {@link #flush()} advances the wall clock past the flush interval and, when a store
 * is given, writes the emitted documents through the real {@link ReadModelWriter}. Used
 * by the topology's own tests and by the fixtures that need figures counted the real way.
 */
public final class CountingDriver implements AutoCloseable {

	static final Duration FLUSH_INTERVAL = Duration.ofMillis(100);

	static final Duration RETRY_INTERVAL = Duration.ofSeconds(1);

	private final JsonMapper json = JsonMapper.builder().build();

	private final Path stateDir;

	private final TopologyTestDriver driver;

	private final TestInputTopic<String, byte[]> units;

	private final TestInputTopic<String, byte[]> progress;

	private final TestOutputTopic<String, byte[]> documents;

	private final TestOutputTopic<String, byte[]> deadLetters;

	private final @Nullable ReadModelWriter writer;

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private CountingDriver(@Nullable ReadModelWriter writer, boolean inMemory) {
		this.writer = writer;
		try {
			this.stateDir = Files.createTempDirectory("counting-driver");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		CloudEventJson reader = new CloudEventJson();
		StreamsBuilder builder = new StreamsBuilder();
		UnitsView.addTo(builder, reader);
		new CountingTopology(reader, new CountingMetrics(this.meters),
				new CountingTopology.CountingProperties(FLUSH_INTERVAL, RETRY_INTERVAL,
						inMemory ? Stores::inMemoryKeyValueStore : Stores::persistentKeyValueStore),
				this.json)
			.apply(builder.stream(Topics.PROGRESS, Consumed.with(Serdes.String(), Serdes.ByteArray())))
			.to(CountingTopology.DOCUMENTS, Produced.with(Serdes.String(), Serdes.ByteArray()));
		Properties properties = new Properties();
		properties.put(StreamsConfig.APPLICATION_ID_CONFIG, "counting-driver");
		properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
		properties.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
		properties.put(StreamsConfig.STATE_DIR_CONFIG, this.stateDir.toString());
		this.driver = new TopologyTestDriver(builder.build(), properties, Instant.parse("2025-01-01T00:00:00Z"));
		this.units = this.driver.createInputTopic(Topics.UNITS, new StringSerializer(), new ByteArraySerializer());
		this.progress = this.driver.createInputTopic(Topics.PROGRESS, new StringSerializer(),
				new ByteArraySerializer());
		this.documents = this.driver.createOutputTopic(CountingTopology.DOCUMENTS, new StringDeserializer(),
				new ByteArrayDeserializer());
		this.deadLetters = this.driver.createOutputTopic(Topics.deadLetter(Topics.PROGRESS), new StringDeserializer(),
				new ByteArrayDeserializer());
	}

	/**
	 * A driver whose documents are only returned, not written anywhere, over RocksDB
	 * stores as in the service.
	 */
	public static CountingDriver alone() {
		return new CountingDriver(null, false);
	}

	/**
	 * The same over in-memory stores, for long logs: the test driver commits after every
	 * record, and a RocksDB flush per record makes a few thousand take minutes.
	 */
	public static CountingDriver aloneInMemory() {
		return new CountingDriver(null, true);
	}

	/**
	 * A driver that writes the documents to the given read model and tells the listener.
	 */
	public static CountingDriver writingTo(Figures figures, Totals totals, ApplicationEventPublisher events,
			Clock clock) {
		return new CountingDriver(new ReadModelWriter(figures, totals, events, clock, new SimpleMeterRegistry()), true);
	}

	/** {@code UnitRegistered} on {@code cchc.units}. */
	public void register(UnitDetails unit, Instant at) {
		this.units.pipeInput(unit.code(),
				this.json.writeValueAsBytes(CloudEvent.of(UUID.randomUUID().toString(), KafkaTestEvents.PLAN_SERVICE,
						EventTypes.UNIT_REGISTERED_V1, unit.code(), at, new UnitRegistered(unit, at))));
	}

	/** {@code ProgressRecorded} on {@code cchc.progress}. */
	public void record(ProgressRecorded fact) {
		send(fact.unitCode(), CloudEvent.of(fact.eventId(), KafkaTestEvents.PLAN_SERVICE,
				EventTypes.PROGRESS_RECORDED_V1, fact.unitCode(), fact.recordedAt(), fact));
	}

	/** {@code ProgressCorrected} on {@code cchc.progress}. */
	public void correct(ProgressCorrected fact) {
		send(fact.unitCode(), CloudEvent.of(fact.eventId(), KafkaTestEvents.PLAN_SERVICE,
				EventTypes.PROGRESS_CORRECTED_V1, fact.unitCode(), fact.recordedAt(), fact));
	}

	/** {@code ProgressRetracted} on {@code cchc.progress}. */
	public void retract(ProgressRetracted fact) {
		send(fact.unitCode(), CloudEvent.of(fact.eventId(), KafkaTestEvents.PLAN_SERVICE,
				EventTypes.PROGRESS_RETRACTED_V1, fact.unitCode(), fact.recordedAt(), fact));
	}

	/** Any event, as JSON. */
	public void send(String key, Object event) {
		sendBytes(key, this.json.writeValueAsBytes(event));
	}

	/** Any bytes, poison included. */
	public void sendBytes(String key, byte[] value) {
		this.progress.pipeInput(key, value);
	}

	/**
	 * Lets the flush (and the retry of waiting facts) run, and writes what it emitted.
	 * @return the documents emitted, in order
	 */
	public List<ChangedDocument> flush() {
		this.driver.advanceWallClockTime(RETRY_INTERVAL);
		// What the first stage forwarded from its own punctuation reaches the second
		// stage after the second stage's flush of this round: one more flush for it.
		this.driver.advanceWallClockTime(FLUSH_INTERVAL);
		List<byte[]> values = new ArrayList<>(this.documents.readValuesToList());
		if (this.writer != null) {
			this.writer.write(values);
		}
		List<ChangedDocument> emitted = new ArrayList<>(values.size());
		values.forEach((value) -> emitted.add(this.json.readValue(value, ChangedDocument.class)));
		return emitted;
	}

	/** What went to the dead-letter topic since the last call. */
	public List<byte[]> deadLetters() {
		return this.deadLetters.readValuesToList();
	}

	/** The counting's counters. */
	public SimpleMeterRegistry meters() {
		return this.meters;
	}

	@Override
	public void close() {
		this.driver.close();
		FileSystemUtils.deleteRecursively(this.stateDir.toFile());
	}

}
