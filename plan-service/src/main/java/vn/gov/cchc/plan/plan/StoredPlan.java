package vn.gov.cchc.plan.plan;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import vn.gov.cchc.events.PlanDetails;
import vn.gov.cchc.events.PlanStatus;

/**
 * A plan as stored: its status and revision, the draft or its issued versions, and its
 * history. The outbox is not read here; only the relay reads it.
 *
 * @param planId the plan id
 * @param status where the plan is in its life
 * @param revision bumped by every change; writes are conditional on it
 * @param draft the working copy while the plan is a draft
 * @param versions issued versions, oldest first
 * @param history the issue, amendments and closing, oldest first
 * @param closedOn the closing date once closed
 * @param closeReason why it was closed, if given
 */
record StoredPlan(String planId, PlanStatus status, long revision, @Nullable PlanDetails draft,
		List<PlanDetails> versions, List<PlanChange> history, @Nullable LocalDate closedOn,
		@Nullable String closeReason) {

	StoredPlan {
		versions = List.copyOf(versions);
		history = List.copyOf(history);
	}

	/**
	 * What the plan says now: the draft of a draft, else the latest version with the
	 * plan's status.
	 */
	PlanDetails current() {
		if (this.draft != null && this.status == PlanStatus.DRAFT) {
			return this.draft;
		}
		PlanDetails latest = latest();
		return (latest.status() != this.status) ? Plans.withStatus(latest, this.status) : latest;
	}

	boolean isDraft() {
		return this.status == PlanStatus.DRAFT;
	}

	PlanDetails latest() {
		if (this.versions.isEmpty()) {
			throw new IllegalStateException("Plan " + this.planId + " has status " + this.status + " but no version");
		}
		return this.versions.get(this.versions.size() - 1);
	}

	Optional<PlanDetails> version(int number) {
		return this.versions.stream().filter((version) -> version.version() == number).findFirst();
	}

	Optional<PlanChange> lastChange() {
		return this.history.isEmpty() ? Optional.empty() : Optional.of(this.history.get(this.history.size() - 1));
	}

	Optional<PlanChange> change(int version, PlanStatus status) {
		return this.history.stream()
			.filter((change) -> change.version() == version && change.status() == status)
			.findFirst();
	}

}
