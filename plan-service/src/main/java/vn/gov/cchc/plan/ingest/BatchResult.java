package vn.gov.cchc.plan.ingest;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import vn.gov.cchc.web.FieldError;

/**
 * The answer to {@code POST /api/v1/progress:batch}: one result per report, in the order
 * sent, and how many ended each way.
 *
 * @param accepted reports published now
 * @param duplicates retries of reports recorded before (nothing published)
 * @param rejected reports refused ({@code REJECTED} or {@code CONFLICT})
 * @param failed valid reports the broker did not acknowledge; send them again unchanged
 * @param results one per report, by its index in the batch
 */
record BatchResult(int accepted, int duplicates, int rejected, int failed, List<Item> results) {

	static BatchResult of(List<Item> results) {
		return new BatchResult(count(results, Status.ACCEPTED), count(results, Status.DUPLICATE),
				count(results, Status.REJECTED) + count(results, Status.CONFLICT), count(results, Status.FAILED),
				results);
	}

	private static int count(List<Item> results, Status status) {
		return (int) results.stream().filter((item) -> item.status() == status).count();
	}

	/** How one report of a batch ended. */
	enum Status {

		/** Valid, and the broker acknowledged its event. */
		ACCEPTED,

		/** A retry of a report recorded before; nothing published. */
		DUPLICATE,

		/**
		 * Refused for what it says (the same reasons a single report gets 400 or 422).
		 */
		REJECTED,

		/**
		 * Refused because of what happened before: its {@code eventId} is used for other
		 * values, or the report it changes is withdrawn or not yet recorded (409).
		 */
		CONFLICT,

		/**
		 * Valid, but the broker did not acknowledge its event (the 503 of a single
		 * report); it may or may not be published, and sending it again unchanged is
		 * safe.
		 */
		FAILED

	}

	/**
	 * @param index position in the batch, from 0
	 * @param eventId the report's {@code eventId}, when it had a text one
	 * @param status how it ended
	 * @param recordedAt when it was first accepted, for {@code ACCEPTED} and
	 * {@code DUPLICATE}
	 * @param type the problem type a single report would have been answered with, for
	 * {@code REJECTED} and {@code CONFLICT}
	 * @param errors what is wrong, each naming the field by its path inside the report
	 */
	record Item(int index, @Nullable String eventId, Status status, @Nullable Instant recordedAt, @Nullable URI type,
			List<FieldError> errors) {

		static Item accepted(int index, String eventId, Instant recordedAt, boolean duplicate) {
			return new Item(index, eventId, duplicate ? Status.DUPLICATE : Status.ACCEPTED, recordedAt, null,
					List.of());
		}

		Item at(int index) {
			return new Item(index, this.eventId, (this.status == Status.ACCEPTED) ? Status.DUPLICATE : this.status,
					this.recordedAt, this.type, this.errors);
		}

	}

}
