package vn.gov.cchc.plan.ingest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The receipt of a published report, carried as a record header ({@value #NAME}) beside
 * the event on {@code cchc.progress}, so that every instance of this service learns the
 * receipts the others give ({@link ProgressReceiptsFeed}) without reading the events
 * themselves. Not part of the event's contract: consumers of the topic ignore it.
 */
final class ReceiptHeader {

	static final String NAME = "cchc_receipt";

	private static final JsonMapper json = JsonMapper.builder().build();

	private ReceiptHeader() {
	}

	static Map<String, byte[]> of(ProgressReceipt receipt) {
		ObjectNode header = json.createObjectNode()
			.put("eventId", receipt.eventId())
			.put("bodyHash", receipt.bodyHash())
			.put("recordedAt", receipt.recordedAt().toString());
		put(header, "kind", (receipt.kind() != null) ? receipt.kind().name() : null);
		put(header, "unitCode", receipt.unitCode());
		put(header, "planId", receipt.planId());
		put(header, "activityId", receipt.activityId());
		put(header, "date", (receipt.date() != null) ? receipt.date().toString() : null);
		put(header, "refersTo", receipt.refersTo());
		return Map.of(NAME, json.writeValueAsBytes(header));
	}

	/**
	 * @return the receipt the header carries, recorded (the broker has its event);
	 * {@code null} for a header that is not one
	 */
	static @Nullable ProgressReceipt read(byte[] value) {
		try {
			JsonNode header = json.readTree(value);
			String eventId = text(header, "eventId");
			String bodyHash = text(header, "bodyHash");
			String recordedAt = text(header, "recordedAt");
			if (eventId == null || bodyHash == null || recordedAt == null) {
				return null;
			}
			String kind = text(header, "kind");
			String date = text(header, "date");
			return new ProgressReceipt(eventId, bodyHash, Instant.parse(recordedAt), ProgressReceipt.Status.RECORDED,
					(kind != null) ? ValidProgress.Kind.valueOf(kind) : null, text(header, "unitCode"),
					text(header, "planId"), text(header, "activityId"), (date != null) ? LocalDate.parse(date) : null,
					text(header, "refersTo"), null, null, null);
		}
		catch (RuntimeException ex) {
			// Not written by this service (JSON, an instant or a day that does not read):
			// passed over.
			return null;
		}
	}

	private static void put(ObjectNode header, String name, @Nullable String value) {
		if (value != null) {
			header.put(name, value);
		}
	}

	private static @Nullable String text(JsonNode header, String name) {
		JsonNode value = header.get(name);
		return (value != null && value.isString()) ? value.asString() : null;
	}

}
