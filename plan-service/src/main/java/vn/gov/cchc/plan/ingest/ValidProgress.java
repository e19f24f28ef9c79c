package vn.gov.cchc.plan.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * A progress report that passed the rules it must keep on its own, with defaults applied.
 * For a retraction, {@code planId}, {@code activityId} and {@code date} are those the
 * client sent, if any; the published event takes them from the retracted report.
 *
 * @param kind a new report, a correction or a retraction
 * @param quantities sorted by metric, so that equal reports look equal (empty for a
 * retraction)
 * @param refersTo the corrected or retracted report's {@code eventId}
 * @param reason why a retracted report is withdrawn
 */
record ValidProgress(Kind kind, String eventId, String unitCode, @Nullable String planId, @Nullable String activityId,
		@Nullable LocalDate date, SortedMap<String, Long> quantities, List<String> evidence, long budgetSpentVnd,
		String reporter, @Nullable String note, @Nullable String refersTo, @Nullable String reason) {

	private static final JsonMapper canonical = JsonMapper.builder().build();

	enum Kind {

		/** A new report: {@code ProgressRecorded}. */
		RECORDED,

		/** The whole replacement of an earlier report: {@code ProgressCorrected}. */
		CORRECTION,

		/** The withdrawal of an earlier report: {@code ProgressRetracted}. */
		RETRACTION

	}

	/**
	 * SHA-256 of the canonical form: the values as understood, not the bytes as sent, so
	 * that whitespace, key order, unknown fields and spelled-out defaults do not make a
	 * retry look like a different report. The values are written in a fixed order
	 * (quantities sorted by metric) and absent ones are left out, so a plain report
	 * hashes exactly as it did before notes, corrections and retractions existed (then
	 * the record's nine components in declaration order), and a receipt written then
	 * still recognises its retry.
	 */
	String bodyHash() {
		Map<String, Object> values = new LinkedHashMap<>();
		put(values, "eventId", this.eventId);
		put(values, "unitCode", this.unitCode);
		put(values, "planId", this.planId);
		put(values, "activityId", this.activityId);
		put(values, "date", this.date);
		put(values, "quantities", this.quantities);
		put(values, "evidence", this.evidence);
		put(values, "budgetSpentVnd", this.budgetSpentVnd);
		put(values, "reporter", this.reporter);
		put(values, "note", this.note);
		put(values, "reason", this.reason);
		if (this.kind == Kind.CORRECTION) {
			put(values, "correctsEventId", this.refersTo);
		}
		else if (this.kind == Kind.RETRACTION) {
			put(values, "retractsEventId", this.refersTo);
		}
		return sha256(canonical.writeValueAsString(values));
	}

	/**
	 * The id of a retraction sent without one: the same for every retraction of the same
	 * report, so a retry is recognised, and of the shape every {@code eventId} has.
	 */
	static String derivedRetractionId(String retractsEventId) {
		return "retraction-" + sha256(retractsEventId).substring(0, 40);
	}

	private static void put(Map<String, Object> values, String name, @Nullable Object value) {
		if (value != null) {
			values.put(name, value);
		}
	}

	private static String sha256(String text) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java platform has SHA-256", ex);
		}
	}

}
