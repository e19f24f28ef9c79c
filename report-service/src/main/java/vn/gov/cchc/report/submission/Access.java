package vn.gov.cchc.report.submission;

import java.time.LocalDate;
import java.util.List;
import java.util.function.BiFunction;

import vn.gov.cchc.report.unit.UnitTree;

/**
 * Who may do what, following the unit tree of the period's end day: the unit's people
 * write and submit; the receiving unit, or any unit above it, approves or returns (never
 * the unit itself); the unit, the units above it and the reviewers read.
 * <p>
 * Works over any way of finding a unit's path, so that a request walks the few ancestors
 * it needs by id instead of reading the whole tree.
 */
final class Access {

	private final BiFunction<String, LocalDate, List<String>> pathOn;

	/**
	 * @param pathOn the unit and its ancestors on a day, the unit first; throws
	 * {@link UnitTree.UnknownUnitException} for a unit not known
	 */
	Access(BiFunction<String, LocalDate, List<String>> pathOn) {
		this.pathOn = pathOn;
	}

	/** Whether the actor may take the action on the submission. */
	boolean may(Actor actor, Action action, Submission submission) {
		return switch (action.role()) {
			case OWNER -> actor.unitCode().equals(submission.unitCode());
			case REVIEWER -> !actor.unitCode().equals(submission.unitCode())
					&& within(submission.receiverUnitCode(), actor.unitCode(), submission.periodEnd());
		};
	}

	/** Whether the actor may read the submission. */
	boolean mayRead(Actor actor, Submission submission) {
		return within(submission.unitCode(), actor.unitCode(), submission.periodEnd())
				|| within(submission.receiverUnitCode(), actor.unitCode(), submission.periodEnd());
	}

	/** The rule an actor breaks, as officers read it. */
	static String rule(Action action) {
		return switch (action.role()) {
			case OWNER -> "Chỉ cán bộ của chính đơn vị báo cáo mới được " + action.verb() + " báo cáo này.";
			case REVIEWER -> "Chỉ đơn vị nhận báo cáo (hoặc đơn vị cấp trên của đơn vị đó) mới được " + action.verb()
					+ " báo cáo này.";
		};
	}

	private boolean within(String unitCode, String ancestor, LocalDate day) {
		try {
			return this.pathOn.apply(unitCode, day).contains(ancestor);
		}
		catch (UnitTree.UnknownUnitException ex) {
			return false;
		}
	}

}
