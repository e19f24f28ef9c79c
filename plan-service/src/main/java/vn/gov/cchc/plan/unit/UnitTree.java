package vn.gov.cchc.plan.unit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import vn.gov.cchc.events.UnitDetails;
import vn.gov.cchc.security.ReadScope;
import vn.gov.cchc.security.UnitPaths;

/**
 * Where units sit in the tree, as {@link ReadScope} asks it: a unit and its ancestors,
 * the unit first and the topmost one (the province) last; nothing for a unit this service
 * does not know, so that a token of a unit unknown here reads nothing.
 *
 * <p>
 * The tree changes with time (districts ended on 30 June 2025, communes were merged and
 * moved), so a path is always the path of some days, and each read says which:
 * <ul>
 * <li>{@link #on(LocalDate)}, the tree of one day, for what is about a day (the units of
 * a day, a unit's children on a day). A unit that did not exist that day has no path
 * then: a caller acting for it reads nothing of that day.</li>
 * <li>{@link #during(LocalDate, LocalDate)}, every parent a unit had on any day of a
 * period, for a plan (the days it covers).</li>
 * <li>{@link #overLifetime()}, every parent a unit had while it existed, for a unit's own
 * record, which spans its whole life: the district a commune belonged to until the reform
 * still reads the commune's record, and so does the commune's own officer after the
 * commune was merged away.</li>
 * </ul>
 * Over more than one day a unit may have had several chains of parents; the path is then
 * the chain on the last of the days (its top is the province the unit belonged to then),
 * with the other ancestors of those days before that top.
 *
 * <p>
 * One instance serves one request: every unit is read from the store at most once.
 */
public final class UnitTree {

	/** Deeper than any real tree: a cycle in bad data ends a walk instead of looping. */
	private static final int MAX_DEPTH = 16;

	private final Function<String, Optional<UnitDetails>> store;

	private final Map<String, Optional<UnitDetails>> read = new HashMap<>();

	private final Map<Days, UnitPaths> periods = new HashMap<>();

	UnitTree(Function<String, Optional<UnitDetails>> store) {
		this.store = store;
	}

	/**
	 * Units already read, such as the units of a day, so that they are not read again.
	 */
	public UnitTree knowing(Collection<UnitDetails> units) {
		units.forEach((unit) -> this.read.put(unit.code(), Optional.of(unit)));
		return this;
	}

	/** The tree of the given day. */
	public UnitPaths on(LocalDate day) {
		return during(day, day);
	}

	/** Every parent a unit had on any day from {@code from} to {@code to}. */
	public UnitPaths during(LocalDate from, LocalDate to) {
		return this.periods.computeIfAbsent(new Days(from, to), (days) -> {
			Map<String, List<String>> paths = new HashMap<>();
			return (code) -> paths.computeIfAbsent(code, (unit) -> path(unit, days));
		});
	}

	/** Every parent a unit had while it existed. */
	public UnitPaths overLifetime() {
		return during(LocalDate.MIN, LocalDate.MAX);
	}

	private List<String> path(String code, Days days) {
		UnitDetails unit = find(code).orElse(null);
		Days alive = (unit != null) ? days.intersect(lifeOf(unit)) : null;
		if (unit == null || alive == null) {
			return List.of();
		}
		List<String> spine = chainOn(unit, alive.to());
		Set<String> ancestors = new LinkedHashSet<>();
		collectAncestors(unit, alive, ancestors, 0);
		List<String> path = new ArrayList<>(spine.subList(0, Math.max(1, spine.size() - 1)));
		ancestors.stream().filter((ancestor) -> !spine.contains(ancestor)).forEach(path::add);
		if (spine.size() > 1) {
			path.add(spine.get(spine.size() - 1));
		}
		return List.copyOf(path);
	}

	/** The unit and its parents on one day it existed. */
	private List<String> chainOn(UnitDetails unit, LocalDate day) {
		List<String> chain = new ArrayList<>(List.of(unit.code()));
		UnitDetails current = unit;
		while (chain.size() < MAX_DEPTH) {
			String parentCode = current.parentOn(day);
			UnitDetails parent = (parentCode != null)
					? find(parentCode).filter((found) -> found.validOn(day)).orElse(null) : null;
			if (parent == null || chain.contains(parent.code())) {
				break;
			}
			chain.add(parent.code());
			current = parent;
		}
		return chain;
	}

	/** The parents the unit had on the given days, and theirs while it was under them. */
	private void collectAncestors(UnitDetails unit, Days days, Set<String> ancestors, int depth) {
		if (depth >= MAX_DEPTH) {
			return;
		}
		for (Map.Entry<Days, String> under : parentsDuring(unit, days)) {
			UnitDetails parent = find(under.getValue()).orElse(null);
			Days together = (parent != null) ? under.getKey().intersect(lifeOf(parent)) : null;
			if (parent != null && together != null) {
				ancestors.add(parent.code());
				collectAncestors(parent, together, ancestors, depth + 1);
			}
		}
	}

	/**
	 * The unit's parents on the given days, each with the days it held: the
	 * {@code parentHistory} periods that meet them, and {@code parentCode} on the days no
	 * period covers.
	 */
	private static List<Map.Entry<Days, String>> parentsDuring(UnitDetails unit, Days days) {
		List<Map.Entry<Days, String>> parents = new ArrayList<>();
		List<UnitDetails.ParentPeriod> history = unit.parentHistory()
			.stream()
			.sorted(Comparator.comparing(UnitDetails.ParentPeriod::from))
			.toList();
		@Nullable LocalDate uncoveredFrom = days.from();
		for (UnitDetails.ParentPeriod period : history) {
			Days held = days.intersect(new Days(period.from(), period.to()));
			if (held == null) {
				continue;
			}
			if (period.parentCode() != null) {
				parents.add(Map.entry(held, period.parentCode()));
			}
			if (uncoveredFrom != null) {
				if (held.from().isAfter(uncoveredFrom)) {
					addCurrentParent(unit, new Days(uncoveredFrom, held.from().minusDays(1)), parents);
				}
				if (!held.to().isBefore(uncoveredFrom)) {
					uncoveredFrom = held.to().isBefore(days.to()) ? held.to().plusDays(1) : null;
				}
			}
		}
		if (uncoveredFrom != null) {
			addCurrentParent(unit, new Days(uncoveredFrom, days.to()), parents);
		}
		return parents;
	}

	private static void addCurrentParent(UnitDetails unit, Days days, List<Map.Entry<Days, String>> parents) {
		if (unit.parentCode() != null) {
			parents.add(Map.entry(days, unit.parentCode()));
		}
	}

	private static Days lifeOf(UnitDetails unit) {
		return new Days(unit.validFrom(), (unit.validTo() != null) ? unit.validTo() : LocalDate.MAX);
	}

	private Optional<UnitDetails> find(String code) {
		return this.read.computeIfAbsent(code, this.store);
	}

	/** The days from one day to another, both included. */
	private record Days(LocalDate from, LocalDate to) {

		@Nullable Days intersect(Days other) {
			LocalDate start = this.from.isAfter(other.from) ? this.from : other.from;
			LocalDate end = this.to.isBefore(other.to) ? this.to : other.to;
			return start.isAfter(end) ? null : new Days(start, end);
		}

	}

}
