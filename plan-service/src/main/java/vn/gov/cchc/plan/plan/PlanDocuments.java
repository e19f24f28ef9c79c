package vn.gov.cchc.plan.plan;

import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;
import tools.jackson.databind.json.JsonMapper;
import vn.gov.cchc.events.PlanDetails;

import org.springframework.stereotype.Component;

/**
 * Turns a {@link PlanDetails} into the BSON stored in the {@code plans} collection and
 * back, through the same JSON the plan events carry, so the stored plan and the published
 * plan cannot drift apart. The records kept beside the versions (their history) take the
 * same road, so that dates and instants are stored as the ISO text the API shows; the
 * outbox events are platform-outbox's own documents.
 */
@Component
class PlanDocuments {

	private static final JsonWriterSettings RELAXED = JsonWriterSettings.builder().outputMode(JsonMode.RELAXED).build();

	private final JsonMapper json;

	PlanDocuments(JsonMapper json) {
		this.json = json;
	}

	Document toDocument(PlanDetails plan) {
		return toDocument((Object) plan);
	}

	PlanDetails toPlan(Document document) {
		return read(document, PlanDetails.class);
	}

	Document toDocument(Object value) {
		return Document.parse(this.json.writeValueAsString(value));
	}

	<T> T read(Document document, Class<T> type) {
		return this.json.readValue(document.toJson(RELAXED), type);
	}

}
