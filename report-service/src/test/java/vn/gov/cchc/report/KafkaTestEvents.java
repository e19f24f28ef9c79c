package vn.gov.cchc.report;

import java.net.URI;
import java.time.Instant;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.json.JsonMapper;
import vn.gov.cchc.events.CloudEvent;
import vn.gov.cchc.events.EventTypes;
import vn.gov.cchc.events.PlanDetails;
import vn.gov.cchc.events.PlanIssued;
import vn.gov.cchc.events.ProgressRecorded;
import vn.gov.cchc.events.Topics;
import vn.gov.cchc.events.UnitDetails;
import vn.gov.cchc.events.UnitRegistered;

/**
 * Publishes events the way plan-service does (structured CloudEvents, keyed by the
 * aggregate, {@code acks=all}, idempotent), for the integration tests to feed
 * report-service through a real broker. Each send waits for the broker's acknowledgement,
 * so a test's events are on the topic in the order it sent them.
 */
public final class KafkaTestEvents implements AutoCloseable {

	/** The CloudEvents {@code source} plan-service writes. */
	public static final URI PLAN_SERVICE = URI.create("/cchc/plan-service");

	private final JsonMapper json = JsonMapper.builder().build();

	private final KafkaProducer<String, byte[]> producer;

	public KafkaTestEvents(String brokers) {
		Properties properties = new Properties();
		properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
		properties.put(ProducerConfig.ACKS_CONFIG, "all");
		properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		properties.put(ProducerConfig.LINGER_MS_CONFIG, 0);
		this.producer = new KafkaProducer<>(properties, new StringSerializer(), new ByteArraySerializer());
	}

	/** {@code UnitRegistered} on {@code cchc.units}. */
	public RecordMetadata unitRegistered(UnitDetails unit, Instant at) {
		return send(Topics.UNITS, unit.code(), CloudEvent.of(UUID.randomUUID().toString(), PLAN_SERVICE,
				EventTypes.UNIT_REGISTERED_V1, unit.code(), at, new UnitRegistered(unit, at)));
	}

	/** {@code PlanIssued} on {@code cchc.plans}. */
	public RecordMetadata planIssued(PlanDetails plan, Instant at) {
		return send(Topics.PLANS, plan.planId(), CloudEvent.of(UUID.randomUUID().toString(), PLAN_SERVICE,
				EventTypes.PLAN_ISSUED_V1, plan.planId(), at, new PlanIssued(plan, at)));
	}

	/**
	 * {@code ProgressRecorded} on {@code cchc.progress}, with the fact's id as the event
	 * id.
	 */
	public RecordMetadata progress(ProgressRecorded fact) {
		return send(Topics.PROGRESS, fact.unitCode(), CloudEvent.of(fact.eventId(), PLAN_SERVICE,
				EventTypes.PROGRESS_RECORDED_V1, fact.unitCode(), fact.recordedAt(), fact));
	}

	/** Any event, written as JSON. */
	public RecordMetadata send(String topic, String key, Object event) {
		return send(topic, key, this.json.writeValueAsBytes(event));
	}

	/** Any bytes, poison included. */
	public RecordMetadata send(String topic, String key, byte[] value) {
		try {
			return this.producer.send(new ProducerRecord<>(topic, key, value)).get();
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("Could not publish to " + topic, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted publishing to " + topic, ex);
		}
	}

	@Override
	public void close() {
		this.producer.close();
	}

}
