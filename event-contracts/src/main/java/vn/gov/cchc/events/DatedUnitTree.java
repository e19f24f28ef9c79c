package vn.gov.cchc.events;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * The unit tree as it stood on any given day, walked the same way by every service that
 * judges roll-up or access on it: paths up on a day or over several days, and walks down.
 *
 * <p>
 * Why: docs/units.md, "The walk every service shares (DatedUnitTree)".
 *
 * @param <U> what the service keeps of a unit
 */
public final class DatedUnitTree<U extends UnitPlacement> {

	/** Deeper than any real tree (province, district, commune). */
	static final int MAX_DEPTH = 16;

	private final Map<String, U> byCode;

	private final List<U> all;

	private final Map<String, List<U>> everChildren;

	private DatedUnitTree(Map<String, U> byCode, List<U> all, Map<String, List<U>> everChildren) {
		this.byCode = byCode;
		this.all = all;
		this.everChildren = everChildren;
	}

	/** A snapshot of the given units; of two with the same code the later one is kept. */
	public static <U extends UnitPlacement> DatedUnitTree<U> of(Collection<? extends U> units) {
		Map<String, U> byCode = new HashMap<>();
		units.forEach((unit) -> byCode.put(unit.code(), unit));
		List<U> all = byCode.values().stream().sorted(Comparator.comparing(UnitPlacement::code)).toList();
		Map<String, List<U>> everChildren = new HashMap<>();
		for (U unit : all) {
			for (String parent : parentsEver(unit)) {
				everChildren.computeIfAbsent(parent, (key) -> new ArrayList<>()).add(unit);
			}
		}
		everChildren.replaceAll((parent, children) -> List.copyOf(children));
		return new DatedUnitTree<>(Map.copyOf(byCode), all, Map.copyOf(everChildren));
	}

	/** The unit with this code, whatever its days. */
	public Optional<U> find(String code) {
		return Optional.ofNullable(this.byCode.get(code));
	}

	/** Every unit, sorted by code. */
	public List<U> all() {
		return this.all;
	}

	/** The units that had the given one as their parent on some day, sorted by code. */
	public List<U> everChildren(String code) {
		return this.everChildren.getOrDefault(code, List.of());
	}

	/**
	 * The units that existed on the day with the given one as their parent then, sorted
	 * by code.
	 */
	public List<U> childrenOn(String code, LocalDate day) {
		List<U> children = new ArrayList<>();
		for (U unit : everChildren(code)) {
			if (unit.isChildOn(code, day)) {
				children.add(unit);
			}
		}
		return children;
	}

	/**
	 * The unit's descendants on the day, not the unit itself, parents before children and
	 * siblings by code; each once, even where bad data goes round in a circle.
	 */
	public List<U> descendantsOn(String code, LocalDate day) {
		List<U> descendants = new ArrayList<>();
		Set<String> seen = new HashSet<>(List.of(code));
		Deque<String> pending = new ArrayDeque<>(List.of(code));
		while (!pending.isEmpty()) {
			for (U child : childrenOn(pending.removeFirst(), day)) {
				if (seen.add(child.code())) {
					descendants.add(child);
					pending.addLast(child.code());
				}
			}
		}
		return descendants;
	}

	/**
	 * The unit and its ancestors on the day (see
	 * {@link #pathOn(String, LocalDate, Function)}).
	 */
	public Path pathOn(String code, LocalDate day) {
		return pathOn(code, day, this::find);
	}

	/**
	 * The unit and its ancestors on the days it existed from one day to another (see
	 * {@link #pathDuring(String, LocalDate, LocalDate, Function)}).
	 */
	public Path pathDuring(String code, LocalDate from, LocalDate to) {
		return pathDuring(code, from, to, this::find);
	}

	/** The unit and every ancestor it had while it existed. */
	public Path pathOverLife(String code) {
		return pathDuring(code, LocalDate.MIN, LocalDate.MAX);
	}

	/**
	 * The unit and its ancestors on the day, the unit first (whatever its own days) and
	 * the nearest ancestor next. An ancestor is followed through its parent on the day
	 * and listed only if it existed then.
	 * @param find looks a unit up by code; called once per unit on the path
	 */
	public static <U extends UnitPlacement> Path pathOn(String code, LocalDate day,
			Function<String, Optional<U>> find) {
		U unit = find.apply(code).orElse(null);
		if (unit == null) {
			return new Path(List.of(), code);
		}
		List<String> path = new ArrayList<>(4);
		path.add(code);
		List<String> walked = new ArrayList<>(4);
		walked.add(code);
		String parentCode = unit.parentOn(day);
		while (parentCode != null && !walked.contains(parentCode) && walked.size() < MAX_DEPTH) {
			walked.add(parentCode);
			U parent = find.apply(parentCode).orElse(null);
			if (parent == null) {
				return new Path(path, parentCode);
			}
			if (parent.validOn(day)) {
				path.add(parentCode);
			}
			parentCode = parent.parentOn(day);
		}
		return new Path(path, null);
	}

	/**
	 * The unit and every ancestor it had on a day from {@code from} to {@code to} on
	 * which it existed; no path if it existed on none of them. The unit comes first, the
	 * top of its path on the last of those days last, and the other ancestors between
	 * them, nearest first (by the highest place each held on any of the days).
	 *
	 * <p>
	 * The path of a unit changes only on a day when the unit, or a unit that was ever
	 * above it, begins or ends or changes parent; so the paths on those days are all
	 * there is to join.
	 * @param find looks a unit up by code; called once per unit ever above the unit
	 */
	public static <U extends UnitPlacement> Path pathDuring(String code, LocalDate from, LocalDate to,
			Function<String, Optional<U>> find) {
		Map<String, Optional<U>> read = new HashMap<>();
		Function<String, Optional<U>> once = (wanted) -> read.computeIfAbsent(wanted, find);
		U unit = once.apply(code).orElse(null);
		if (unit == null) {
			return new Path(List.of(), code);
		}
		LocalDate first = later(from, unit.validFrom());
		LocalDate last = (unit.validTo() != null && unit.validTo().isBefore(to)) ? unit.validTo() : to;
		if (first.isAfter(last)) {
			return new Path(List.of(), null);
		}
		if (first.equals(last)) {
			return pathOn(code, first, once);
		}
		TreeSet<LocalDate> days = new TreeSet<>(List.of(first));
		for (UnitPlacement above : everAbove(unit, once)) {
			for (LocalDate day : changeDays(above)) {
				if (!day.isBefore(first) && !day.isAfter(last)) {
					days.add(day);
				}
			}
		}
		Map<String, Integer> height = new LinkedHashMap<>();
		@Nullable String unknown = null;
		List<String> lastPath = List.of();
		for (LocalDate day : days) {
			Path path = pathOn(code, day, once);
			if (unknown == null) {
				unknown = path.unknownCode();
			}
			for (int i = 1; i < path.codes().size(); i++) {
				height.merge(path.codes().get(i), i, Math::max);
			}
			lastPath = path.codes();
		}
		@Nullable String top = (lastPath.size() > 1) ? lastPath.get(lastPath.size() - 1) : null;
		List<String> path = new ArrayList<>(height.size() + 1);
		path.add(code);
		height.entrySet()
			.stream()
			.filter((ancestor) -> !ancestor.getKey().equals(top))
			.sorted(Map.Entry.comparingByValue())
			.forEach((ancestor) -> path.add(ancestor.getKey()));
		if (top != null) {
			path.add(top);
		}
		return new Path(path, unknown);
	}

	/**
	 * The unit and every ancestor it had while it existed (see
	 * {@link #pathDuring(String, LocalDate, LocalDate, Function)}).
	 */
	public static <U extends UnitPlacement> Path pathOverLife(String code, Function<String, Optional<U>> find) {
		return pathDuring(code, LocalDate.MIN, LocalDate.MAX, find);
	}

	/**
	 * The unit and every known unit that was ever above it or above one of those,
	 * whatever the days: more than its ancestors, but every day on which its path may
	 * change is a change day of one of them.
	 */
	private static <U extends UnitPlacement> Collection<U> everAbove(U unit, Function<String, Optional<U>> find) {
		Map<String, U> found = new LinkedHashMap<>(Map.of(unit.code(), unit));
		Deque<U> pending = new ArrayDeque<>(List.of(unit));
		while (!pending.isEmpty()) {
			for (String parentCode : parentsEver(pending.removeFirst())) {
				if (!found.containsKey(parentCode)) {
					find.apply(parentCode).ifPresent((parent) -> {
						found.put(parentCode, parent);
						pending.addLast(parent);
					});
				}
			}
		}
		return found.values();
	}

	/** Every parent the unit had, whatever the day. */
	private static Set<String> parentsEver(UnitPlacement unit) {
		Set<String> parents = new HashSet<>();
		for (UnitDetails.ParentPeriod period : unit.parentHistory()) {
			if (period.parentCode() != null) {
				parents.add(period.parentCode());
			}
		}
		if (unit.parentCode() != null) {
			parents.add(unit.parentCode());
		}
		return parents;
	}

	/**
	 * The days on which the unit's place may change: its first day, the day after its
	 * last, and the first day of each earlier parent and the day after it.
	 */
	private static List<LocalDate> changeDays(UnitPlacement unit) {
		List<LocalDate> days = new ArrayList<>();
		days.add(unit.validFrom());
		addDayAfter(unit.validTo(), days);
		for (UnitDetails.ParentPeriod period : unit.parentHistory()) {
			days.add(period.from());
			addDayAfter(period.to(), days);
		}
		return days;
	}

	private static void addDayAfter(@Nullable LocalDate day, List<LocalDate> days) {
		if (day != null && day.isBefore(LocalDate.MAX)) {
			days.add(day.plusDays(1));
		}
	}

	private static LocalDate later(LocalDate one, LocalDate other) {
		return one.isAfter(other) ? one : other;
	}

	/**
	 * Where a walk went: the unit and its ancestors, the unit first, as far as the walk
	 * got.
	 *
	 * @param codes the unit and its ancestors, the unit first; empty if the unit is not
	 * known, or (over days) existed on none of them
	 * @param unknownCode the first unit the walk needed and could not find, the unit
	 * itself or an ancestor; absent if the path is complete
	 */
	public record Path(List<String> codes, @Nullable String unknownCode) {

		public Path {
			codes = List.copyOf(codes);
		}

		/** Whether every unit the walk needed was found. */
		public boolean complete() {
			return this.unknownCode == null;
		}

		/** The ancestors without the unit, nearest first. */
		public List<String> ancestors() {
			return this.codes.isEmpty() ? List.of() : this.codes.subList(1, this.codes.size());
		}

	}

}
