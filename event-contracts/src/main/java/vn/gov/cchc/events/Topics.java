package vn.gov.cchc.events;

/**
 * Kafka topics, one per aggregate, keyed by the aggregate's id. Dead letters go to
 * {@code <topic>.dlq} with the failure in the record headers.
 */
public final class Topics {

	/** Compacted, key = unit code. */
	public static final String UNITS = "cchc.units";

	/** Key = plan id. */
	public static final String PLANS = "cchc.plans";

	/** Accepted progress, key = unit code. */
	public static final String PROGRESS = "cchc.progress";

	/**
	 * Raw progress pushed straight onto Kafka by commune systems, validated by
	 * plan-service.
	 */
	public static final String PROGRESS_INBOX = "cchc.progress.inbox";

	/**
	 * Inbox records plan-service refused, with the reasons; key = the record's key on the
	 * inbox.
	 */
	public static final String PROGRESS_REJECTED = "cchc.progress.rejected";

	public static final String SUBMISSIONS = "cchc.submissions";

	public static final String NOTIFICATIONS = "cchc.notifications";

	private Topics() {
	}

	public static String deadLetter(String topic) {
		return topic + ".dlq";
	}

}
