package vn.gov.cchc.report.submission;

import java.time.LocalDate;
import java.util.function.Function;

import vn.gov.cchc.security.Caller;
import vn.gov.cchc.security.ReadScope;
import vn.gov.cchc.security.Role;
import vn.gov.cchc.security.UnitPaths;

/**
 * Who may do what, following the unit tree of the period's end day (the tree the report
 * is owed and rolled up on): an officer of the unit writes and submits; a reviewer of the
 * receiving unit, or of any unit above it, approves or returns (never one of the unit
 * itself); officers of the unit, of the units above it and of the receiver read, and so
 * do the reviewers and administrators of the province. Machine clients do none of it.
 * <p>
 * Works over any way of finding a unit's path, so that a request walks the few ancestors
 * it needs by id instead of reading the whole tree.
 */
final class SubmissionPermissions {

	private final Function<LocalDate, UnitPaths> pathsOn;

	/**
	 * @param pathsOn where units sat on a day; a unit not known yet is in no scope
	 */
	SubmissionPermissions(Function<LocalDate, UnitPaths> pathsOn) {
		this.pathsOn = pathsOn;
	}

	/** Whether the caller may take the action on the submission. */
	boolean may(Caller caller, Action action, Submission submission) {
		return switch (action.role()) {
			case OWNER -> caller.has(Role.OFFICER) && caller.unitCode().equals(submission.unitCode());
			case REVIEWER -> caller.has(Role.REVIEWER) && !caller.unitCode().equals(submission.unitCode())
					&& within(submission.receiverUnitCode(), caller.unitCode(), submission.periodEnd());
		};
	}

	/**
	 * Whether the caller may read the submission: its reading scope on the period's tree
	 * holds the unit, or it is an officer of the receiver or of a unit above it.
	 */
	boolean mayRead(Caller caller, Submission submission) {
		if (ReadScope.of(caller, this.pathsOn.apply(submission.periodEnd())).covers(submission.unitCode())) {
			return true;
		}
		return caller.has(Role.OFFICER)
				&& within(submission.receiverUnitCode(), caller.unitCode(), submission.periodEnd());
	}

	/** The rule a caller breaks, as officers read it. */
	static String rule(Action action) {
		return switch (action.role()) {
			case OWNER -> "Chỉ cán bộ của chính đơn vị báo cáo mới được " + action.verb() + " báo cáo này.";
			case REVIEWER ->
				"Chỉ người thẩm định của đơn vị nhận báo cáo (hoặc của đơn vị cấp trên đơn vị đó) mới được "
						+ action.verb() + " báo cáo này.";
		};
	}

	private boolean within(String unitCode, String ancestor, LocalDate day) {
		return this.pathsOn.apply(day).pathOf(unitCode).contains(ancestor);
	}

}
