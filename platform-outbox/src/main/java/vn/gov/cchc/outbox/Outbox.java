package vn.gov.cchc.outbox;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Where one kind of aggregate keeps its events waiting: an array field of its documents,
 * relayed to its topic. A service declares one as a bean per collection; the relay sends
 * what every one of them holds.
 *
 * @param aggregate what the documents are, for the metrics' {@code aggregate} tag (e.g.
 * {@code plan})
 * @param collection the collection of the aggregate's documents
 * @param field the array of {@link OutboxEvent}s in each document (e.g. {@code outbox})
 * @param topic where the events go (e.g. {@code cchc.plans})
 */
public record Outbox(String aggregate, String collection, String field, String topic) {

	/**
	 * The part of an update that adds the event to the document, to combine with the
	 * change it announces in one update of one document.
	 */
	public Bson add(OutboxEvent event) {
		return Updates.push(this.field, event.toDocument());
	}

	/** The update that clears a sent event from its document. */
	public Bson clear(String eventId) {
		return Updates.pull(this.field, new Document("eventId", eventId));
	}

	/** Documents with events waiting. */
	public Bson withPending() {
		return Filters.exists(this.field + ".eventId", true);
	}

}
