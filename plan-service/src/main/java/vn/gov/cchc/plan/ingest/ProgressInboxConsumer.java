package vn.gov.cchc.plan.ingest;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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
import vn.gov.cchc.messaging.BatchReading;
import vn.gov.cchc.plan.cloudevent.PublishFailedException;
import vn.gov.cchc.web.FieldError;
import vn.gov.cchc.web.JsonReadErrors;
import vn.gov.cchc.web.ProblemException;

import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;

import static vn.gov.cchc.messaging.BatchReading.header;

/**
 * Progress pushed straight onto {@code cchc.progress.inbox} (plain reports or CloudEvents
 * envelopes of type {@value EventTypes#PROGRESS_RECORDED_V1}), taken in batches through
 * the same validation and receipts as an HTTP batch. What is accepted, refused or
 * dead-lettered: docs/ingestion.md, "The Kafka inbox".
 */
class ProgressInboxConsumer implements Consumer<Message<List<byte[]>>> {

	private static final Logger logger = LoggerFactory.getLogger(ProgressInboxConsumer.class);

	private final ProgressRequestReader reader;

	private final ProgressRequestValidator validator;

	private final ProgressBatchIngestion batches;

	private final InboxRejections rejections;

	private final Counter accepted;

	private final Counter rejected;

	ProgressInboxConsumer(ProgressRequestReader reader, ProgressRequestValidator validator,
			ProgressBatchIngestion batches, InboxRejections rejections, MeterRegistry meters) {
		this.reader = reader;
		this.validator = validator;
		this.batches = batches;
		this.rejections = rejections;
		this.accepted = Counter.builder("cchc.ingest.inbox.accepted")
			.description("Inbox records accepted (published or recognised as a retry)")
			.register(meters);
		this.rejected = Counter.builder("cchc.ingest.inbox.rejected")
			.description("Inbox records refused and sent to cchc.progress.rejected")
			.register(meters);
	}

	@Override
	public void accept(Message<List<byte[]>> batch) {
		List<InboxRejections.InboxRecord> records = recordsOf(batch);
		// What reading a record throws is not its content (refused in validated) but
		// what reading it did here: take the records before it, and have the container
		// retry and then dead-letter this one alone.
		BatchReading.readThenApply(records, RuntimeException.class, "Inbox record could not be read: ",
				(record, i) -> validated(read(record)),
				(validated) -> ingest(records.subList(0, validated.size()), validated));
	}

	/** A record's report validated, or refused with the validator's errors. */
	private Validated validated(Read read) {
		try {
			return new Validated(read,
					(read.report() != null) ? this.validator.validate(this.reader.read(read.report())) : null);
		}
		catch (ProblemException ex) {
			return new Validated(read.refused(ProgressBatchIngestion.errorsOf(ex.getProblem())), null);
		}
	}

	private record Validated(Read read, @Nullable ValidProgress valid) {
	}

	/**
	 * Publishes the valid reports of the batch (claims written once, events awaited
	 * once), then the rejections of the others. What the broker did not acknowledge makes
	 * the whole batch fail, to be taken again: what it did acknowledge is then a retry.
	 */
	private void ingest(List<InboxRejections.InboxRecord> records, List<Validated> validated) {
		ValidProgress[] valid = validated.stream().map(Validated::valid).toArray(ValidProgress[]::new);
		Read[] reads = validated.stream().map(Validated::read).toArray(Read[]::new);
		BatchResult.Item[] results = new BatchResult.Item[records.size()];
		this.batches.ingestValid(valid, results, false);
		int acceptedHere = 0;
		for (int i = 0; i < results.length; i++) {
			BatchResult.Item result = results[i];
			if (result == null) {
				continue;
			}
			switch (result.status()) {
				case ACCEPTED, DUPLICATE -> acceptedHere++;
				case FAILED -> throw new PublishFailedException(
						"The broker did not acknowledge inbox record " + records.get(i).offset(),
						new IllegalStateException("Not acknowledged"));
				case REJECTED, CONFLICT -> reads[i] = reads[i].refused(result.errors());
			}
		}
		this.accepted.increment(acceptedHere);
		for (int i = 0; i < records.size(); i++) {
			Read read = reads[i];
			if (read.reasons() != null) {
				reject(records.get(i), read.eventId(), read.reasons());
			}
		}
	}

	/**
	 * The report a record carries, or why it is refused before validation: bad JSON, not
	 * an object, a CloudEvent of another type or without data, ids that disagree.
	 */
	private Read read(InboxRejections.InboxRecord record) {
		JsonNode value;
		try {
			value = this.reader.mapper().readTree(record.value());
		}
		catch (JacksonException ex) {
			return Read.refused(null, List.of(new ProgressRejected.Reason(FieldError.BODY,
					"Giá trị của bản ghi không phải JSON hợp lệ: " + JsonReadErrors.of(ex).message())));
		}
		if (value == null || !value.isObject()) {
			return Read.refused(null, List.of(new ProgressRejected.Reason(FieldError.BODY,
					"Giá trị của bản ghi phải là một đối tượng JSON: báo cáo tiến độ hoặc CloudEvent.")));
		}
		if (value.has("specversion")) {
			return unwrap(value);
		}
		return new Read("", value, text(value.get("eventId")), null);
	}

	/**
	 * What was read of one record.
	 *
	 * @param prefix where the report sits in the record value: {@code ""}, or
	 * {@code "data."} inside a CloudEvent
	 * @param report the report to validate; {@code null} once refused
	 * @param eventId the report's {@code eventId}, if one could be read
	 * @param reasons why it is refused, by JSON path in the record value; {@code null}
	 * while it is not
	 */
	private record Read(String prefix, @Nullable JsonNode report, @Nullable String eventId,
			@Nullable List<ProgressRejected.Reason> reasons) {

		static Read refused(@Nullable String eventId, List<ProgressRejected.Reason> reasons) {
			return new Read("", null, eventId, reasons);
		}

		Read refused(List<FieldError> errors) {
			return new Read(this.prefix, null, this.eventId,
					errors.stream()
						.map((error) -> new ProgressRejected.Reason(path(this.prefix, error.field()), error.message()))
						.toList());
		}

	}

	/**
	 * The report inside a CloudEvent envelope, with the envelope's id as its
	 * {@code eventId} when it has none; refused when the envelope is not one of a
	 * progress report.
	 */
	private static Read unwrap(JsonNode envelope) {
		String id = text(envelope.get("id"));
		String type = text(envelope.get("type"));
		JsonNode data = envelope.get("data");
		if (!EventTypes.PROGRESS_RECORDED_V1.equals(type)) {
			return Read.refused(id, List.of(new ProgressRejected.Reason("type",
					"Chỉ nhận CloudEvent loại " + EventTypes.PROGRESS_RECORDED_V1 + ".")));
		}
		if (data == null || !data.isObject()) {
			return Read.refused(id, List.of(new ProgressRejected.Reason("data",
					"Phải là một đối tượng JSON: báo cáo tiến độ (datacontenttype application/json).")));
		}
		JsonNode eventId = data.get("eventId");
		if (eventId == null || eventId.isNull()) {
			JsonNode report = (id != null) ? ((ObjectNode) data.deepCopy()).put("eventId", id) : data;
			return new Read("data.", report, id, null);
		}
		if (id != null && eventId.isString() && !id.equals(eventId.asString())) {
			return Read.refused(eventId.asString(), List
				.of(new ProgressRejected.Reason("data.eventId", "Phải trùng với id của CloudEvent (" + id + ").")));
		}
		return new Read("data.", data, text(eventId), null);
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

	/** The records of a batch, with where each was read. */
	private static List<InboxRejections.InboxRecord> recordsOf(Message<List<byte[]>> batch) {
		List<byte[]> values = batch.getPayload();
		List<InboxRejections.InboxRecord> records = new ArrayList<>(values.size());
		for (int i = 0; i < values.size(); i++) {
			Object topic = header(batch, KafkaHeaders.RECEIVED_TOPIC, i);
			Object partition = header(batch, KafkaHeaders.RECEIVED_PARTITION, i);
			Object offset = header(batch, KafkaHeaders.OFFSET, i);
			Object key = header(batch, KafkaHeaders.RECEIVED_KEY, i);
			String keyText = (key instanceof byte[] bytes) ? new String(bytes, StandardCharsets.UTF_8)
					: (key != null) ? key.toString() : null;
			records.add(new InboxRejections.InboxRecord((topic instanceof String name) ? name : Topics.PROGRESS_INBOX,
					(partition instanceof Integer number) ? number : -1, (offset instanceof Long number) ? number : -1,
					keyText, values.get(i)));
		}
		return records;
	}

}
