package vn.gov.cchc.report.ledger;

import java.util.function.Consumer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.gov.cchc.events.CloudEvent;
import vn.gov.cchc.events.EventTypes;
import vn.gov.cchc.events.ProgressCorrected;
import vn.gov.cchc.events.ProgressRecorded;
import vn.gov.cchc.events.ProgressRetracted;
import vn.gov.cchc.report.cloudevent.CloudEventReader;
import vn.gov.cchc.report.cloudevent.PoisonEventException;
import vn.gov.cchc.report.cloudevent.ReceivedCloudEvent;

import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;

/**
 * Reads {@code cchc.progress} and hands each report, correction and retraction to the
 * {@link LedgerApplier} with the partition and offset it was read at, which the applier
 * needs for its exactly-once guards. The payload is taken as bytes and parsed here so
 * that unreadable JSON is a {@link PoisonEventException} (dead-lettered at once) rather
 * than a conversion failure inside the framework.
 */
public class ProgressEventsConsumer implements Consumer<Message<byte[]>> {

	private static final Logger logger = LoggerFactory.getLogger(ProgressEventsConsumer.class);

	private final CloudEventReader reader;

	private final LedgerApplier applier;

	private final Counter rejected;

	private final Counter skipped;

	public ProgressEventsConsumer(CloudEventReader reader, LedgerApplier applier, MeterRegistry registry) {
		this.reader = reader;
		this.applier = applier;
		this.rejected = Counter.builder("cchc.ledger.rejected")
			.description("Records on cchc.progress that can never be applied (sent to the DLQ at once)")
			.register(registry);
		this.skipped = Counter.builder("cchc.ledger.skipped")
			.description("Events on cchc.progress of a type this service does not know")
			.register(registry);
	}

	@Override
	public void accept(Message<byte[]> message) {
		MessageHeaders headers = message.getHeaders();
		Integer partition = headers.get(KafkaHeaders.RECEIVED_PARTITION, Integer.class);
		Long offset = headers.get(KafkaHeaders.OFFSET, Long.class);
		if (partition == null || offset == null) {
			throw new IllegalStateException("A progress record needs the Kafka partition and offset headers");
		}
		try {
			ReceivedCloudEvent event = this.reader.read(message.getPayload());
			switch (event.type()) {
				case EventTypes.PROGRESS_RECORDED_V1 -> {
					CloudEvent<ProgressRecorded> recorded = event.as(ProgressRecorded.class);
					checkId(recorded, recorded.data().eventId());
					this.applier.apply(recorded.data(), partition, offset);
				}
				case EventTypes.PROGRESS_CORRECTED_V1 -> {
					CloudEvent<ProgressCorrected> corrected = event.as(ProgressCorrected.class);
					checkId(corrected, corrected.data().eventId());
					this.applier.apply(corrected.data(), partition, offset);
				}
				case EventTypes.PROGRESS_RETRACTED_V1 -> {
					CloudEvent<ProgressRetracted> retracted = event.as(ProgressRetracted.class);
					checkId(retracted, retracted.data().eventId());
					this.applier.apply(retracted.data(), partition, offset);
				}
				default -> {
					this.skipped.increment();
					logger.info("Skipped event {} of unknown type {} at {}/{}", event.id(), event.type(), partition,
							offset);
				}
			}
		}
		catch (PoisonEventException ex) {
			this.rejected.increment();
			logger.warn("Rejected record at {}/{} of cchc.progress: {}", partition, offset, ex.getMessage());
			throw ex;
		}
	}

	private static void checkId(CloudEvent<?> event, String eventId) {
		if (!event.id().equals(eventId)) {
			throw new PoisonEventException("CloudEvent id " + event.id() + " differs from its eventId");
		}
	}

}
