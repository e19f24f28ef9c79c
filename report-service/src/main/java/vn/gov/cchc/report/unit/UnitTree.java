package vn.gov.cchc.report.unit;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import vn.gov.cchc.events.UnitDetails;

/**
 * A snapshot of every unit with its history, answering questions about the tree <em>as it
 * was on a given day</em>: a unit's parent on that day comes from its
 * {@code parentHistory} ({@link UnitDetails#parentOn}), and a unit belongs to the tree of
 * that day only while it is valid. So 2024 rolls up through the districts and 2026, after
 * the districts were abolished on 1 July 2025, does not.
 */
public final class UnitTree {

	/** Deeper than any real tree (province, district, commune); stops a cycle in data. */
	private static final int MAX_DEPTH = 16;

	private final Map<String, UnitDetails> byCode = new HashMap<>();

	public UnitTree(Collection<UnitDetails> units) {
		units.forEach((unit) -> this.byCode.put(unit.code(), unit));
	}

	/** The unit with this code, whatever its validity. */
	public Optional<UnitDetails> find(String code) {
		return Optional.ofNullable(this.byCode.get(code));
	}

	/** Every unit, sorted by code. */
	public List<UnitDetails> all() {
		return this.byCode.values().stream().sorted(Comparator.comparing(UnitDetails::code)).toList();
	}

	/**
	 * The units valid on the day whose parent on that day is the given one, sorted by
	 * code.
	 */
	public List<UnitDetails> childrenOn(String code, LocalDate day) {
		return this.byCode.values()
			.stream()
			.filter((unit) -> unit.validOn(day) && code.equals(unit.parentOn(day)))
			.sorted(Comparator.comparing(UnitDetails::code))
			.toList();
	}

	/**
	 * The unit's descendants on the day (not the unit itself), parents before children.
	 */
	public List<UnitDetails> descendantsOn(String code, LocalDate day) {
		Map<String, List<UnitDetails>> children = childrenByParentOn(day);
		List<UnitDetails> descendants = new ArrayList<>();
		Deque<String> pending = new ArrayDeque<>(List.of(code));
		Set<String> seen = new LinkedHashSet<>();
		while (!pending.isEmpty()) {
			String parent = pending.removeFirst();
			if (!seen.add(parent)) {
				continue;
			}
			for (UnitDetails child : children.getOrDefault(parent, List.of())) {
				descendants.add(child);
				pending.addLast(child.code());
			}
		}
		return descendants;
	}

	/**
	 * The unit and its ancestors on the day, the unit first. The unit itself is always
	 * included; an ancestor is followed through {@link UnitDetails#parentOn} and counted
	 * only if it was valid on the day.
	 * @throws UnknownUnitException if the unit or an ancestor is not known
	 */
	public List<String> pathOn(String code, LocalDate day) {
		return path(code, day, (wanted) -> Optional.ofNullable(this.byCode.get(wanted)));
	}

	/**
	 * {@link #pathOn} over any way of looking a unit up, so that counting can walk the
	 * few ancestors of one fact by id without reading the whole tree.
	 */
	public static List<String> path(String code, LocalDate day, Function<String, Optional<UnitDetails>> lookup) {
		List<String> path = new ArrayList<>();
		Set<String> walked = new LinkedHashSet<>();
		UnitDetails unit = lookup.apply(code).orElseThrow(() -> new UnknownUnitException(code));
		path.add(unit.code());
		walked.add(unit.code());
		String parentCode = unit.parentOn(day);
		while (parentCode != null) {
			if (!walked.add(parentCode) || walked.size() > MAX_DEPTH) {
				throw new IllegalStateException("The unit tree above " + code + " has a cycle: " + walked);
			}
			String wanted = parentCode;
			UnitDetails parent = lookup.apply(wanted).orElseThrow(() -> new UnknownUnitException(wanted));
			if (parent.validOn(day)) {
				path.add(parent.code());
			}
			parentCode = parent.parentOn(day);
		}
		return path;
	}

	/**
	 * The unit and every unit that was above it on any day of its life, the unit first
	 * and every unit before the units above it (so the top of the tree comes last).
	 * @throws UnknownUnitException if the unit or an ancestor is not known
	 */
	public List<String> pathEver(String code) {
		return pathEver(code, (wanted) -> Optional.ofNullable(this.byCode.get(wanted)));
	}

	/**
	 * {@link #pathEver} over any way of looking a unit up.
	 */
	static List<String> pathEver(String code, Function<String, Optional<UnitDetails>> lookup) {
		UnitDetails unit = lookup.apply(code).orElseThrow(() -> new UnknownUnitException(code));
		Deque<String> order = new ArrayDeque<>();
		visitParentsEver(unit, lookup, new HashSet<>(), order);
		return List.copyOf(order);
	}

	/**
	 * Depth first over every parent the unit ever had, each unit put in front once all
	 * the units above it are in: a topological order of the tree's history even where a
	 * unit moved (a commune under its district, then under the province), and no loop on
	 * a cycle in the data.
	 */
	private static void visitParentsEver(UnitDetails unit, Function<String, Optional<UnitDetails>> lookup,
			Set<String> visited, Deque<String> order) {
		visited.add(unit.code());
		Set<String> parents = new LinkedHashSet<>();
		unit.parentHistory().forEach((period) -> {
			if (period.parentCode() != null) {
				parents.add(period.parentCode());
			}
		});
		if (unit.parentCode() != null) {
			parents.add(unit.parentCode());
		}
		for (String parentCode : parents) {
			if (!visited.contains(parentCode)) {
				UnitDetails parent = lookup.apply(parentCode).orElseThrow(() -> new UnknownUnitException(parentCode));
				visitParentsEver(parent, lookup, visited, order);
			}
		}
		order.addFirst(unit.code());
	}

	/** Whether {@code code} is {@code ancestor} or lies under it on the day. */
	public boolean isWithinOn(String code, String ancestor, LocalDate day) {
		return this.byCode.containsKey(code) && pathOn(code, day).contains(ancestor);
	}

	private Map<String, List<UnitDetails>> childrenByParentOn(LocalDate day) {
		Map<String, List<UnitDetails>> children = new HashMap<>();
		this.byCode.values()
			.stream()
			.filter((unit) -> unit.validOn(day) && unit.parentOn(day) != null)
			.sorted(Comparator.comparing(UnitDetails::code))
			.forEach((unit) -> children.computeIfAbsent(unit.parentOn(day), (key) -> new ArrayList<>()).add(unit));
		return children;
	}

	private UnitDetails known(String code) {
		UnitDetails unit = this.byCode.get(code);
		if (unit == null) {
			throw new UnknownUnitException(code);
		}
		return unit;
	}

	/** A unit code that is not in the tree (yet). */
	public static final class UnknownUnitException extends RuntimeException {

		private final String unitCode;

		UnknownUnitException(String unitCode) {
			super("Unit " + unitCode + " is not known (yet)");
			this.unitCode = unitCode;
		}

		public String unitCode() {
			return this.unitCode;
		}

	}

}
