package vn.gov.cchc.plan.ingest;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.SortedMap;

import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import vn.gov.cchc.events.ProgressRecorded;

/**
 * A progress report that passed validation, with defaults applied.
 *
 * @param quantities sorted by metric, so that equal reports look equal
 */
record ValidProgress(String eventId, String unitCode, String planId, String activityId, LocalDate date,
		SortedMap<String, Long> quantities, List<String> evidence, long budgetSpentVnd, String reporter) {

	private static final JsonMapper canonical = JsonMapper.builder()
		.enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
		.enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
		.build();

	/**
	 * SHA-256 of the canonical form: the values as understood, not the bytes as sent, so
	 * that whitespace, key order, unknown fields and spelled-out defaults do not make a
	 * retry look like a different report.
	 */
	String bodyHash() {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest(canonical.writeValueAsString(this).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java platform has SHA-256", ex);
		}
	}

	ProgressRecorded recordedAt(Instant recordedAt) {
		return new ProgressRecorded(this.eventId, this.unitCode, this.planId, this.activityId, this.date,
				this.quantities, this.evidence.stream().map(URI::create).toList(), this.budgetSpentVnd, this.reporter,
				recordedAt);
	}

}
