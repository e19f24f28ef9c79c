package vn.gov.cchc.report.indicator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

import org.jspecify.annotations.Nullable;
import vn.gov.cchc.events.DatedUnitTree;
import vn.gov.cchc.events.PlanDetails;
import vn.gov.cchc.events.PlanDetails.Activity;
import vn.gov.cchc.events.PlanDetails.Target;
import vn.gov.cchc.events.PlanDetails.Target.Comparison;
import vn.gov.cchc.events.PlanDetails.Target.Measure;
import vn.gov.cchc.events.UnitDetails;
import vn.gov.cchc.events.UnitKind;
import vn.gov.cchc.report.figures.Figures;
import vn.gov.cchc.report.figures.Tally;
import vn.gov.cchc.report.period.Period;
import vn.gov.cchc.report.indicator.Rhythm.Stretch;
import vn.gov.cchc.report.unit.Units;

import org.springframework.stereotype.Component;

/**
 * Evaluates a plan's targets for a unit and a period, on the tree valid at the period's
 * end and the figures of the period's days.
 *
 * <h2>Which targets apply, and to whom</h2> A target with {@code appliesTo} is assigned
 * to every unit of that kind under the plan's issuer: for a unit of that kind it is
 * evaluated on the unit itself, for a higher unit over the units of that kind in its
 * subtree (coverage counts them, cadence counts their weeks, a quantity or an index must
 * be reached by each of them). A target without {@code appliesTo} is the issuer's: it is
 * evaluated on the issuer's figures, which roll up everything under it, when asked for
 * the issuer or a unit above it, and on a unit's own figures when asked for the unit in
 * charge of the target's activity (the radio station for "a weekly column"). Other units
 * do not see it.
 *
 * <h2>Unknown is not failed</h2> {@code met} is absent while the result cannot be known:
 * no published index value, a period that has not started, a target that is not reached
 * yet while its period is still running, or nothing to count. A cadence only counts the
 * stretches that are over, and the running one once it is met.
 */
@Component
public class TargetEvaluator {

	/** Dates are days in Vietnam. */
	public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

	private static final String BROADCASTS = "broadcasts";

	private static final String MINUTES = "minutes";

	private static final Map<String, String> GROUP_NAMES = Map.of("commune-radio-stations", "đài truyền thanh xã",
			"commune-post-offices", "điểm bưu điện văn hóa xã", "agency-portals", "cổng/trang thông tin điện tử");

	/** Metric names as a Vietnamese sentence says them. */
	private static final Map<String, String> METRIC_NAMES = Map.ofEntries(Map.entry(BROADCASTS, "lần phát sóng"),
			Map.entry(MINUTES, "phút"), Map.entry("columns", "chuyên mục"), Map.entry("articles", "bài viết"),
			Map.entry("posts", "tin bài"), Map.entry("participants", "lượt người tham dự"),
			Map.entry("sessions", "buổi"), Map.entry("copies", "bản"), Map.entry("postings", "lượt niêm yết"),
			Map.entry("answers", "câu trả lời"), Map.entry("events", "sự kiện"), Map.entry("banners", "băng rôn"),
			Map.entry("guidance_documents", "văn bản hướng dẫn"), Map.entry("awards", "giải thưởng"));

	private final Units units;

	private final Figures figures;

	private final Indexes indexes;

	private final Clock clock;

	public TargetEvaluator(Units units, Figures figures, Indexes indexes, Clock clock) {
		this.units = units;
		this.figures = figures;
		this.indexes = indexes;
		this.clock = clock;
	}

	/**
	 * The plan's targets that apply to the unit, in the plan's order, evaluated over the
	 * period.
	 */
	public List<TargetResult> evaluate(PlanDetails plan, String unitCode, Period period) {
		return evaluate(plan, unitCode, period, this.units.tree());
	}

	/** {@link #evaluate(PlanDetails, String, Period)} on a tree already read. */
	public List<TargetResult> evaluate(PlanDetails plan, String unitCode, Period period,
			DatedUnitTree<UnitDetails> tree) {
		Evaluation evaluation = new Evaluation(plan, period, LocalDate.ofInstant(this.clock.instant(), ZONE),
				new OwnFigures(this.figures, tree));
		List<TargetResult> results = new ArrayList<>();
		for (Target target : plan.targets()) {
			Scope scope = scope(plan, target, unitCode, tree, period.end());
			if (scope != null) {
				results.add(evaluation.evaluate(target, scope));
			}
		}
		return results;
	}

	/**
	 * The root the target is evaluated under and its subjects, or {@code null} if the
	 * target does not apply to the unit.
	 */
	private static @Nullable Scope scope(PlanDetails plan, Target target, String unitCode,
			DatedUnitTree<UnitDetails> tree, LocalDate day) {
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
				return new Scope(issuer, subjects);
			}
			Activity activity = activity(plan, target.activityId());
			if (activity != null && unitCode.equals(activity.leadUnitCode()) && within(tree, unitCode, issuer, day)
					&& target.kind() != Target.Kind.COVERAGE) {
				return new Scope(unitCode, List.of(new Subject(unit.get(), false)));
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
		return subjects.isEmpty() ? null : new Scope(root, subjects);
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

	private static @Nullable Activity activity(PlanDetails plan, @Nullable String activityId) {
		if (activityId == null) {
			return null;
		}
		return plan.activities()
			.stream()
			.filter((activity) -> activity.activityId().equals(activityId))
			.findFirst()
			.orElse(null);
	}

	private static long count(Tally tally, @Nullable String metric) {
		return (metric != null) ? tally.quantity(metric) : tally.events();
	}

	/**
	 * Where a target is evaluated.
	 *
	 * @param root the unit whose subtree is looked at
	 * @param subjects the units the target is checked for; for coverage, the denominator
	 */
	private record Scope(String root, List<Subject> subjects) {

	}

	/**
	 * A unit a target is checked for.
	 *
	 * @param unit the unit
	 * @param rolledUp whether its figures include its subtree (the issuer's) or are its
	 * own
	 */
	private record Subject(UnitDetails unit, boolean rolledUp) {

		String code() {
			return this.unit.code();
		}

	}

	/** The evaluation of one plan over one period. */
	private final class Evaluation {

		private final PlanDetails plan;

		private final Period period;

		private final LocalDate today;

		private final OwnFigures own;

		Evaluation(PlanDetails plan, Period period, LocalDate today, OwnFigures own) {
			this.plan = plan;
			this.period = period;
			this.today = today;
			this.own = own;
		}

		TargetResult evaluate(Target target, Scope scope) {
			if (target.kind() != Target.Kind.INDEX && this.today.isBefore(this.period.start())) {
				return TargetResult.unknown(target, "Kỳ " + this.period.id() + " chưa bắt đầu");
			}
			return switch (target.kind()) {
				case COVERAGE -> coverage(target, scope);
				case CADENCE -> cadence(target, scope);
				case QUANTITY -> perSubject(target, scope, this::quantity);
				case INDEX -> perSubject(target, scope, this::index);
			};
		}

		private boolean running() {
			return !this.today.isAfter(this.period.end());
		}

		/**
		 * A result not reached yet while the period runs is unknown, not failed: the
		 * units have until the cut-off.
		 */
		private TargetResult settle(TargetResult result) {
			if (Boolean.FALSE.equals(result.met()) && result.comparison() == Comparison.AT_LEAST && running()) {
				return new TargetResult(result.targetId(), result.description(), result.kind(), result.measure(),
						result.comparison(), result.threshold(), result.level(), result.actual(), result.actualLevel(),
						null, result.gap(), result.detail() + " (kỳ chưa kết thúc)", result.numerator(),
						result.denominator());
			}
			return result;
		}

		private Map<String, Tally> byActivity(Subject subject) {
			return this.own.byActivity(subject.code(), this.plan.planId(), this.period.start(), this.period.end(),
					subject.rolledUp());
		}

		private Tally tally(Subject subject, @Nullable String activityId) {
			Map<String, Tally> byActivity = byActivity(subject);
			if (activityId != null) {
				return byActivity.getOrDefault(activityId, Tally.ZERO);
			}
			return byActivity.values().stream().reduce(Tally.ZERO, Tally::plus);
		}

		private TargetResult coverage(Target target, Scope scope) {
			List<Subject> members = scope.subjects();
			String who = (target.group() != null)
					? GROUP_NAMES.getOrDefault(target.group(), "đơn vị thuộc nhóm " + target.group())
					: (target.appliesTo() != null) ? kindName(target.appliesTo()) : "";
			if (target.group() == null && target.appliesTo() == null) {
				return TargetResult.unknown(target, "Chỉ tiêu không nêu nhóm hay loại đơn vị để tính tỷ lệ");
			}
			if (members.isEmpty()) {
				return TargetResult.unknown(target,
						"Không có " + who + " nào trên cây đơn vị ngày " + Dates.text(this.period.end()));
			}
			long done = members.stream().filter((member) -> {
				Tally tally = tally(member, target.activityId());
				return tally.events() > 0 && (target.metric() == null || tally.quantity(target.metric()) > 0);
			}).count();
			long all = members.size();
			String what = (target.activityId() != null) ? "có kết quả " + target.activityId() : "có kết quả báo cáo";
			String detail = done + "/" + all + " " + who + " " + what;
			BigDecimal value = target.value();
			BigDecimal actual = (target.measure() == Measure.COUNT) ? BigDecimal.valueOf(done)
					: Thresholds.percent(done, all);
			if (value == null) {
				return new TargetResult(target.targetId(), target.description(), target.kind(), target.measure(),
						target.comparison(), null, target.level(), actual, null, null, null, detail, done, all);
			}
			return settle(new TargetResult(target.targetId(), target.description(), target.kind(), target.measure(),
					target.comparison(), value, target.level(), actual, null,
					Thresholds.met(actual, target.comparison(), value),
					Thresholds.gap(actual, target.comparison(), value, false), detail, done, all));
		}

		private TargetResult cadence(Target target, Scope scope) {
			Activity activity = activity(this.plan, target.activityId());
			if (activity == null) {
				return TargetResult.unknown(target, "Chỉ tiêu không gắn với hoạt động nào của kế hoạch");
			}
			Rhythm rhythm = Rhythm.of(activity.cadence().kind());
			int times = Math.max(activity.cadence().times(), 1);
			BigDecimal value = target.value();
			String countMetric = (target.metric() != null && target.measure() != Measure.MINUTES) ? target.metric()
					: activity.metrics().contains(BROADCASTS) ? BROADCASTS : null;
			String minutesMetric = (target.measure() == Measure.MINUTES && target.metric() != null) ? target.metric()
					: MINUTES;
			int required = (target.measure() == Measure.COUNT && value != null)
					? value.setScale(0, RoundingMode.CEILING).intValueExact() : times;
			int minutesEach = (target.measure() == Measure.MINUTES && value != null)
					? value.setScale(0, RoundingMode.CEILING).intValueExact() : activity.cadence().minutesEach();
			List<Stretch> stretches = rhythm.stretches(this.period.start(), this.period.end())
				.stream()
				.filter((stretch) -> !stretch.start().isAfter(this.today))
				.toList();
			long pairs = 0;
			long met = 0;
			for (Subject subject : scope.subjects()) {
				SortedMap<LocalDate, Map<String, Tally>> daily = this.own.daily(subject.code(), this.plan.planId(),
						this.period.start(), this.period.end(), subject.rolledUp());
				for (Stretch stretch : stretches) {
					Tally tally = daily.subMap(stretch.start(), stretch.end().plusDays(1))
						.values()
						.stream()
						.map((activities) -> activities.getOrDefault(activity.activityId(), Tally.ZERO))
						.reduce(Tally.ZERO, Tally::plus);
					boolean ok = count(tally, countMetric) >= required
							&& (minutesEach <= 0 || tally.quantity(minutesMetric) >= (long) required * minutesEach);
					boolean over = stretch.end().isBefore(this.today);
					if (ok || over) {
						pairs++;
						met += ok ? 1 : 0;
					}
				}
			}
			String rule = "mỗi " + rhythm.word() + " ≥ " + required + " lần"
					+ ((minutesEach > 0) ? ", mỗi lần ≥ " + minutesEach + " phút" : "");
			if (pairs == 0) {
				return TargetResult.unknown(target, "Chưa hết " + rhythm.word() + " nào của kỳ (" + rule + ")");
			}
			BigDecimal share = Thresholds.percent(met, pairs);
			String detail = (scope.subjects().size() == 1) ? "Đạt " + met + "/" + pairs + " " + rhythm.word() : "Đạt "
					+ met + "/" + pairs + " lượt " + rhythm.word() + " của " + scope.subjects().size() + " đơn vị";
			detail += " (" + rule + ")";
			boolean percent = target.measure() == Measure.PERCENT && value != null;
			return new TargetResult(target.targetId(), target.description(), target.kind(), target.measure(),
					target.comparison(), value, target.level(), share, null,
					percent ? Thresholds.met(share, target.comparison(), value) : met == pairs,
					percent ? Thresholds.gap(share, target.comparison(), value, false)
							: share.subtract(Thresholds.all()),
					detail, met, pairs);
		}

		private TargetResult quantity(Target target, Subject subject) {
			BigDecimal value = target.value();
			if (target.metric() == null && target.measure() == Measure.PERCENT) {
				return TargetResult.unknown(target, "Chỉ tiêu tỷ lệ không gắn với số liệu báo cáo nào");
			}
			if (value == null) {
				return TargetResult.unknown(target, "Chỉ tiêu không nêu giá trị cần đạt");
			}
			long sum = count(tally(subject, target.activityId()), target.metric());
			BigDecimal actual = BigDecimal.valueOf(sum);
			String what = (target.metric() != null) ? METRIC_NAMES.getOrDefault(target.metric(), target.metric())
					: "lượt báo cáo";
			String detail = subject.unit().name() + ": " + Thresholds.number(actual) + " " + what
					+ ((target.activityId() != null) ? " (" + target.activityId() + ")" : "") + ", yêu cầu "
					+ Thresholds.comparisonText(target.comparison()) + " " + Thresholds.number(value);
			return settle(new TargetResult(target.targetId(), target.description(), target.kind(), target.measure(),
					target.comparison(), value, target.level(), actual, null,
					Thresholds.met(actual, target.comparison(), value),
					Thresholds.gap(actual, target.comparison(), value, false), detail, null, null));
		}

		private TargetResult index(Target target, Subject subject) {
			if (target.index() == null) {
				return TargetResult.unknown(target, "Chỉ tiêu không nêu chỉ số");
			}
			String index = IndexNames.canonical(target.index());
			int year = this.period.year();
			Optional<IndexValue> found = published(subject.code(), index, year);
			if (found.isEmpty()) {
				return TargetResult.unknown(target, "Chưa có kết quả công bố");
			}
			IndexValue current = found.get();
			String name = target.index() + " " + year;
			BigDecimal value = target.value();
			return switch (target.measure()) {
				case RANK -> compare(target, (current.rank() != null) ? BigDecimal.valueOf(current.rank()) : null, true,
						name + ": hạng " + current.rank(), "Chưa có thứ hạng công bố");
				case RANK_INCREASE -> {
					Optional<IndexValue> previous = this.previous(current);
					if (previous.isEmpty() || previous.get().rank() == null || current.rank() == null) {
						yield TargetResult.unknown(target, "Chưa có thứ hạng công bố của năm " + (year - 1));
					}
					int gained = previous.get().rank() - current.rank();
					yield compare(target, BigDecimal.valueOf(gained), false,
							name + ": " + ((gained >= 0) ? "tăng " : "giảm ") + Math.abs(gained) + " bậc (hạng "
									+ previous.get().rank() + " → " + current.rank() + ")",
							"");
				}
				case SCORE_INCREASE -> {
					Optional<IndexValue> previous = this.previous(current);
					if (previous.isEmpty() || previous.get().value() == null || current.value() == null) {
						yield TargetResult.unknown(target, "Chưa có kết quả công bố của năm " + (year - 1));
					}
					BigDecimal change = current.value().subtract(previous.get().value());
					yield compare(target, change, false,
							name + ": " + ((change.signum() >= 0) ? "tăng " : "giảm ") + Thresholds.number(change.abs())
									+ " (" + Thresholds.number(previous.get().value()) + " → "
									+ Thresholds.number(current.value()) + ")",
							"");
				}
				case LEVEL -> level(target, current, name);
				default -> compare(target, current.value(), false,
						name + ": " + ((current.value() != null) ? Thresholds.number(current.value()) : ""),
						"Chưa có điểm số công bố");
			};
		}

		/**
		 * A level is met when the published group is at least the plan's: "thuộc nhóm
		 * khá" is reached by a "Tốt" too, so {@code EQUAL} reads as the lowest group
		 * accepted; {@code AT_MOST} is the only comparison that caps it.
		 */
		private TargetResult level(Target target, IndexValue current, String name) {
			String wanted = target.level();
			if (wanted == null || Thresholds.levelRank(wanted) < 0) {
				return TargetResult.unknown(target, "Chỉ tiêu không nêu mức xếp loại hợp lệ");
			}
			if (current.level() == null || Thresholds.levelRank(current.level()) < 0) {
				return TargetResult.unknown(target, "Chưa có xếp loại công bố");
			}
			int difference = Thresholds.levelRank(current.level()) - Thresholds.levelRank(wanted);
			boolean met = (target.comparison() == Comparison.AT_MOST) ? difference <= 0 : difference >= 0;
			BigDecimal gap = BigDecimal.valueOf((target.comparison() == Comparison.AT_MOST) ? -difference : difference);
			return new TargetResult(target.targetId(), target.description(), target.kind(), target.measure(),
					target.comparison(), target.value(), wanted, null, Thresholds.canonicalLevel(current.level()), met,
					gap, name + ": nhóm " + Thresholds.canonicalLevel(current.level()) + ", yêu cầu nhóm " + wanted,
					null, null);
		}

		private TargetResult compare(Target target, @Nullable BigDecimal actual, boolean lowerIsBetter, String what,
				String whenMissing) {
			BigDecimal value = target.value();
			if (actual == null) {
				return TargetResult.unknown(target, whenMissing);
			}
			if (value == null) {
				return new TargetResult(target.targetId(), target.description(), target.kind(), target.measure(),
						target.comparison(), null, target.level(), actual, null, null, null, what, null, null);
			}
			String detail = what + ", yêu cầu " + Thresholds.comparisonText(target.comparison()) + " "
					+ Thresholds.number(value);
			return new TargetResult(target.targetId(), target.description(), target.kind(), target.measure(),
					target.comparison(), value, target.level(), actual, null,
					Thresholds.met(actual, target.comparison(), value),
					Thresholds.gap(actual, target.comparison(), value, lowerIsBetter), detail, null, null);
		}

		/**
		 * The value published for the unit, else for its nearest ancestor on the period's
		 * end: indexes are published per province, and an office's plan commits to its
		 * province's index.
		 */
		private Optional<IndexValue> published(String unitCode, String index, int year) {
			DatedUnitTree.Path path = this.own.tree().pathOn(unitCode, this.period.end());
			for (String code : path.complete() ? path.codes() : List.of(unitCode)) {
				Optional<IndexValue> value = TargetEvaluator.this.indexes.find(code, index, year);
				if (value.isPresent()) {
					return value;
				}
			}
			return Optional.empty();
		}

		private Optional<IndexValue> previous(IndexValue current) {
			return TargetEvaluator.this.indexes.find(current.unitCode(), current.index(), current.year() - 1);
		}

		/**
		 * Evaluates a target each subject must reach on its own; with several subjects
		 * the result is the share of subjects that reached it, met when all did, and the
		 * gap is the worst subject's.
		 */
		private TargetResult perSubject(Target target, Scope scope, SubjectEvaluation evaluation) {
			List<Subject> subjects = scope.subjects();
			if (subjects.size() == 1) {
				return evaluation.evaluate(target, subjects.get(0));
			}
			List<TargetResult> each = subjects.stream().map((subject) -> evaluation.evaluate(target, subject)).toList();
			long met = each.stream().filter((result) -> Boolean.TRUE.equals(result.met())).count();
			long failed = each.stream().filter((result) -> Boolean.FALSE.equals(result.met())).count();
			long all = each.size();
			BigDecimal worstGap = each.stream()
				.map(TargetResult::gap)
				.filter((gap) -> gap != null)
				.min(BigDecimal::compareTo)
				.orElse(null);
			Boolean allMet = (met == all) ? Boolean.TRUE : (failed > 0) ? Boolean.FALSE : null;
			String detail = met + "/" + all + " " + kindName(target.appliesTo()) + " đạt"
					+ ((all - met - failed > 0) ? ", " + (all - met - failed) + " chưa xác định" : "");
			return new TargetResult(target.targetId(), target.description(), target.kind(), target.measure(),
					target.comparison(), target.value(), target.level(), Thresholds.percent(met, all), null, allMet,
					worstGap, detail, met, all);
		}

	}

	private static String kindName(@Nullable UnitKind kind) {
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

	@FunctionalInterface
	private interface SubjectEvaluation {

		TargetResult evaluate(Target target, Subject subject);

	}

}
