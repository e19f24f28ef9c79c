package vn.gov.cchc.report.submission;

import java.util.EnumSet;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * What a person can do to a submission: from which statuses, to which status, and whose
 * right it is. The rules of the lifecycle live here and nowhere else.
 */
enum Action {

	EDIT_NARRATIVE("sửa báo cáo", EnumSet.of(SubmissionStatus.DRAFT, SubmissionStatus.RETURNED), null, Role.OWNER),

	SUBMIT("nộp", EnumSet.of(SubmissionStatus.DRAFT, SubmissionStatus.RETURNED), SubmissionStatus.SUBMITTED,
			Role.OWNER),

	RETURN("trả lại", EnumSet.of(SubmissionStatus.SUBMITTED), SubmissionStatus.RETURNED, Role.REVIEWER),

	APPROVE("duyệt", EnumSet.of(SubmissionStatus.SUBMITTED), SubmissionStatus.APPROVED, Role.REVIEWER);

	private final String verb;

	private final Set<SubmissionStatus> from;

	private final @Nullable SubmissionStatus to;

	private final Role role;

	Action(String verb, Set<SubmissionStatus> from, @Nullable SubmissionStatus to, Role role) {
		this.verb = verb;
		this.from = from;
		this.to = to;
		this.role = role;
	}

	/** The action as a Vietnamese verb. */
	String verb() {
		return this.verb;
	}

	/** Whether a submission in this status allows the action. */
	boolean allowedFrom(SubmissionStatus status) {
		return this.from.contains(status);
	}

	/** The statuses the action starts from. */
	Set<SubmissionStatus> from() {
		return this.from;
	}

	/** The status after the action (the same one for an edit). */
	SubmissionStatus target(SubmissionStatus current) {
		return (this.to != null) ? this.to : current;
	}

	Role role() {
		return this.role;
	}

	/** Whose right an action is. */
	enum Role {

		/** The unit's own people. */
		OWNER,

		/**
		 * The receiving unit's people, or those of any unit above the receiver on the
		 * period's tree.
		 */
		REVIEWER

	}

}
