package vn.gov.cchc.plan.plan;

import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;
import vn.gov.cchc.events.PlanDetails;
import vn.gov.cchc.events.PlanStatus;

/**
 * One issued version in the list of a plan's versions; the whole version is at
 * {@code /versions/{version}}.
 *
 * @param version its number, 1 when issued
 * @param status {@code ISSUED} for the first, {@code AMENDED} for the others
 * @param number official number in that version
 * @param title title in that version
 * @param from first day covered in that version
 * @param to last day covered in that version
 * @param decidedOn the date of the issue or of the amending document
 * @param reason why it was amended
 * @param recordedAt when the service recorded it (UTC)
 */
public record VersionView(int version, PlanStatus status, String number, String title, LocalDate from, LocalDate to,
		@Nullable LocalDate decidedOn, @Nullable String reason, @Nullable Instant recordedAt) {

	static VersionView of(StoredPlan stored, PlanDetails version) {
		PlanChange change = stored.change(version.version(), version.status()).orElse(null);
		return new VersionView(version.version(), version.status(), version.number(), version.title(), version.from(),
				version.to(), (change != null) ? change.on() : version.issuedOn(),
				(change != null) ? change.reason() : null, (change != null) ? change.occurredAt() : null);
	}

}
