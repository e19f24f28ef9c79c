package vn.gov.cchc.report.indicator;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import vn.gov.cchc.events.DatedUnitTree;
import vn.gov.cchc.events.PlanDetails;
import vn.gov.cchc.events.PlanDetails.Activity;
import vn.gov.cchc.events.PlanDetails.Target;
import vn.gov.cchc.events.UnitDetails;
import vn.gov.cchc.events.UnitKind;

/**
 * Where a target is evaluated. Kept apart from the evaluation because who a target
 * applies to depends only on the plan and the tree, not on any figure.
 *
 * @param root the unit whose subtree is looked at
 * @param subjects the units the target is checked for; for coverage, the denominator
 */
record TargetScope(String root, List<Subject> subjects) {

	/**
	 * The root the target is evaluated under and its subjects, or {@code null} if the
	 * target does not apply to the unit.
	 */
	static @Nullable TargetScope of(PlanDetails plan, Target target, String unitCode, DatedUnitTree<UnitDetails> tree,
			LocalDate day) {
		String issuer = plan.issuerCode();
		Optional<UnitDetails> unit = tree.find(unitCode);
		Optional<UnitDetails> issuerUnit = tree.find(issuer);
		if (unit.isEmpty() || issuerUnit.isEmpty()) {
			return null;
		}
		if (target.appliesTo() == null) {
			if (within(tree, issuer, unitCode, day)) {
				List<Subject> subjects = (target.kind() == Target.Kind.COVERAGE)
						? groupMembers(tree, issuer, target, day) : List.of(new Subject(issuerUnit.get(), true));
				return new TargetScope(issuer, subjects);
			}
			Activity activity = activity(plan, target.activityId());
			if (activity != null && unitCode.equals(activity.leadUnitCode()) && within(tree, unitCode, issuer, day)
					&& target.kind() != Target.Kind.COVERAGE) {
				return new TargetScope(unitCode, List.of(new Subject(unit.get(), false)));
			}
			return null;
		}
		String root;
		if (within(tree, unitCode, issuer, day)) {
			root = unitCode;
		}
		else if (within(tree, issuer, unitCode, day)) {
			root = issuer;
		}
		else {
			return null;
		}
		List<Subject> subjects = (target.kind() == Target.Kind.COVERAGE) ? groupMembers(tree, root, target, day)
				: members(tree, root, day).stream()
					.filter((member) -> member.kind() == target.appliesTo())
					.map((member) -> new Subject(member, false))
					.toList();
		return subjects.isEmpty() ? null : new TargetScope(root, subjects);
	}

	/**
	 * The units under the root (itself included) a coverage target counts: those having
	 * members of its group, or without a group those of its kind. None if it names
	 * neither.
	 */
	private static List<Subject> groupMembers(DatedUnitTree<UnitDetails> tree, String root, Target target,
			LocalDate day) {
		String group = target.group();
		UnitKind kind = target.appliesTo();
		if (group == null && kind == null) {
			return List.of();
		}
		return members(tree, root, day).stream()
			.filter((member) -> (group != null) ? member.groups().getOrDefault(group, 0) > 0 : member.kind() == kind)
			.map((member) -> new Subject(member, false))
			.toList();
	}

	/** The unit and its descendants on the day. */
	private static List<UnitDetails> members(DatedUnitTree<UnitDetails> tree, String root, LocalDate day) {
		List<UnitDetails> members = new ArrayList<>();
		tree.find(root).ifPresent(members::add);
		members.addAll(tree.descendantsOn(root, day));
		return members;
	}

	/** Whether {@code code} is {@code ancestor} or under it on the day. */
	private static boolean within(DatedUnitTree<UnitDetails> tree, String code, String ancestor, LocalDate day) {
		DatedUnitTree.Path path = tree.pathOn(code, day);
		return path.complete() && path.codes().contains(ancestor);
	}

	static @Nullable Activity activity(PlanDetails plan, @Nullable String activityId) {
		if (activityId == null) {
			return null;
		}
		return plan.activities()
			.stream()
			.filter((activity) -> activity.activityId().equals(activityId))
			.findFirst()
			.orElse(null);
	}

	/** The subjects' kind as a Vietnamese sentence names them. */
	static String kindName(@Nullable UnitKind kind) {
		if (kind == null) {
			return "đơn vị";
		}
		return switch (kind) {
			case PROVINCE -> "tỉnh";
			case DISTRICT -> "huyện";
			case COMMUNE -> "xã";
			case DEPARTMENT -> "sở, ngành";
			case AGENCY -> "cơ quan";
			case OFFICE -> "phòng, văn phòng";
		};
	}

	/**
	 * A unit a target is checked for.
	 *
	 * @param unit the unit
	 * @param rolledUp whether its figures include its subtree (the issuer's) or are its
	 * own
	 */
	record Subject(UnitDetails unit, boolean rolledUp) {

		String code() {
			return this.unit.code();
		}

	}

}
