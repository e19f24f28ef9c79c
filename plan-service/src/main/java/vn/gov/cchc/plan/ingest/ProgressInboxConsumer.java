package vn.gov.cchc.plan.ingest;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import vn.gov.cchc.events.EventTypes;
import vn.gov.cchc.events.ProgressRejected;
import vn.gov.cchc.events.Topics;
import vn.gov.cchc.plan.problem.FieldError;
import vn.gov.cchc.plan.problem.JsonReadErrors;
import vn.gov.cchc.plan.problem.ProblemException;

import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;

/**
 * Progress pushed straight onto {@code cchc.progress.inbox} by commune systems, bound as
 * {@code progressInbox-in-0}. A record value is either
 * <ul>
 * <li>a progress report as JSON, exactly the body of {@code POST /api/v1/progress}
 * (corrections and retractions included), or</li>
 * <li>a CloudEvents 1.0 envelope in structured JSON mode (it has {@code specversion}) of
 * type {@value EventTypes#PROGRESS_RECORDED_V1} whose {@code data} is such a report; the
 * envelope's {@code id} stands in for a missing {@code data.eventId} and must equal it
 * otherwise.</li>
 * </ul>
 * The key is free (the unit code is a good one); it is echoed on rejections.
 *
 * <p>
 * Each report goes through the same validation and receipts as over HTTP. Accepted, its
 * event is on {@code cchc.progress} (acknowledged by the broker) before this method
 * returns, and the binder commits the offset only after that, so nothing accepted is
 * lost; a retry or a redelivery of a recorded report publishes nothing. Refused (bad
 * JSON, wrong types, rules, plan, an {@code eventId} used for other values), the record
 * goes to {@code cchc.progress.rejected} with the reasons, by JSON path in the record
 * value ({@code data.}-prefixed inside an envelope). What is not the record's fault
 * (Kafka or MongoDB not answering) is thrown: the binder retries, then dead-letters the
 * record to {@code cchc.progress.inbox.dlq}, from where it can be put back once the
 * outage is over.
 */
class ProgressInboxConsumer implements Consumer<Message<byte[]>> {

	private static final Logger logger = LoggerFactory.getLogger(ProgressInboxConsumer.class);

	private final ProgressRequestReader reader;

	private final ProgressIngestion ingestion;

	private final InboxRejections rejections;

	private final Counter accepted;

	private final Counter rejected;

	ProgressInboxConsumer(ProgressRequestReader reader, ProgressIngestion ingestion, InboxRejections rejections,
			MeterRegistry meters) {
		this.reader = reader;
		this.ingestion = ingestion;
		this.rejections = rejections;
		this.accepted = Counter.builder("cchc.ingest.inbox.accepted")
			.description("Inbox records accepted (published or recognised as a retry)")
			.register(meters);
		this.rejected = Counter.builder("cchc.ingest.inbox.rejected")
			.description("Inbox records refused and sent to cchc.progress.rejected")
			.register(meters);
	}

	@Override
	public void accept(Message<byte[]> message) {
		InboxRejections.InboxRecord record = recordOf(message);
		JsonNode value;
		try {
			value = this.reader.mapper().readTree(record.value());
		}
		catch (JacksonException ex) {
			reject(record, null, List.of(new ProgressRejected.Reason(FieldError.BODY,
					"Giá trị của bản ghi không phải JSON hợp lệ: " + JsonReadErrors.of(ex).message())));
			return;
		}
		if (value == null || !value.isObject()) {
			reject(record, null, List.of(new ProgressRejected.Reason(FieldError.BODY,
					"Giá trị của bản ghi phải là một đối tượng JSON: báo cáo tiến độ hoặc CloudEvent.")));
			return;
		}
		String prefix = "";
		JsonNode report = value;
		if (value.has("specversion")) {
			prefix = "data.";
			report = unwrap(record, value);
			if (report == null) {
				return;
			}
		}
		String eventId = text(report.get("eventId"));
		try {
			this.ingestion.ingest(this.reader.read(report));
			this.accepted.increment();
		}
		catch (ProblemException ex) {
			String at = prefix;
			reject(record, eventId,
					ProgressBatchIngestion.errorsOf(ex.getProblem())
						.stream()
						.map((error) -> new ProgressRejected.Reason(path(at, error.field()), error.message()))
						.toList());
		}
	}

	/**
	 * The report inside a CloudEvent envelope, with the envelope's id as its
	 * {@code eventId} when it has none; {@code null} once the envelope is refused.
	 */
	private @Nullable JsonNode unwrap(InboxRejections.InboxRecord record, JsonNode envelope) {
		String id = text(envelope.get("id"));
		String type = text(envelope.get("type"));
		JsonNode data = envelope.get("data");
		if (!EventTypes.PROGRESS_RECORDED_V1.equals(type)) {
			reject(record, id, List.of(new ProgressRejected.Reason("type",
					"Chỉ nhận CloudEvent loại " + EventTypes.PROGRESS_RECORDED_V1 + ".")));
			return null;
		}
		if (data == null || !data.isObject()) {
			reject(record, id, List.of(new ProgressRejected.Reason("data",
					"Phải là một đối tượng JSON: báo cáo tiến độ (datacontenttype application/json).")));
			return null;
		}
		JsonNode eventId = data.get("eventId");
		if (eventId == null || eventId.isNull()) {
			return (id != null) ? ((ObjectNode) data.deepCopy()).put("eventId", id) : data;
		}
		if (id != null && eventId.isString() && !id.equals(eventId.asString())) {
			reject(record, eventId.asString(), List
				.of(new ProgressRejected.Reason("data.eventId", "Phải trùng với id của CloudEvent (" + id + ").")));
			return null;
		}
		return data;
	}

	private void reject(InboxRejections.InboxRecord record, @Nullable String eventId,
			List<ProgressRejected.Reason> reasons) {
		if (this.rejections.reject(record, eventId, reasons)) {
			this.rejected.increment();
			logger.info("Rejected inbox record {}-{}@{} ({}): {}", record.topic(), record.partition(), record.offset(),
					eventId, reasons);
		}
	}

	private static String path(String prefix, String field) {
		if (prefix.isEmpty()) {
			return field;
		}
		return FieldError.BODY.equals(field) ? "data" : prefix + field;
	}

	private static @Nullable String text(@Nullable JsonNode node) {
		return (node != null && node.isString()) ? node.asString() : null;
	}

	private static InboxRejections.InboxRecord recordOf(Message<byte[]> message) {
		MessageHeaders headers = message.getHeaders();
		String topic = headers.get(KafkaHeaders.RECEIVED_TOPIC, String.class);
		Integer partition = headers.get(KafkaHeaders.RECEIVED_PARTITION, Integer.class);
		Long offset = headers.get(KafkaHeaders.OFFSET, Long.class);
		Object key = headers.get(KafkaHeaders.RECEIVED_KEY);
		String keyText = (key instanceof byte[] bytes) ? new String(bytes, StandardCharsets.UTF_8)
				: (key != null) ? key.toString() : null;
		return new InboxRejections.InboxRecord((topic != null) ? topic : Topics.PROGRESS_INBOX,
				(partition != null) ? partition : -1, (offset != null) ? offset : -1, keyText, message.getPayload());
	}

}
