package vn.gov.cchc.notification.contact;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import vn.gov.cchc.security.UnitPaths;

import org.springframework.stereotype.Component;

/**
 * The unit tree as the unit events on {@code cchc.units} tell it, for deciding who may
 * read what: a unit and its ancestors, either on a given day or over the unit's whole
 * life. A unit the service has not heard of has no path, so nobody reads it and a caller
 * acting for it reads nothing.
 */
@Component
public class UnitTree {

	private final UnitNodes nodes;

	private final Contacts contacts;

	UnitTree(UnitNodes nodes, Contacts contacts) {
		this.nodes = nodes;
		this.contacts = contacts;
	}

	/**
	 * The tree for one request: each unit is read from the store at most once however
	 * many paths the request asks for.
	 */
	public View view() {
		return new View(this::find);
	}

	/**
	 * A unit's place; for a unit whose place was stored before the {@code units}
	 * collection existed (the events are not read again), what its contact says.
	 */
	private Optional<UnitNode> find(String unitCode) {
		return this.nodes.find(unitCode).or(() -> this.contacts.findByUnitCode(unitCode).map(UnitNode::of));
	}

	/** Paths over the tree, reading each unit once. */
	public static final class View {

		/**
		 * Deeper than any real tree (province, district, commune); stops a cycle in data.
		 */
		private static final int MAX_DEPTH = 16;

		private final Function<String, Optional<UnitNode>> lookup;

		View(Function<String, Optional<UnitNode>> lookup) {
			Map<String, Optional<UnitNode>> read = new HashMap<>();
			this.lookup = (code) -> read.computeIfAbsent(code, lookup);
		}

		/** The unit and its ancestors on the day: for data that belongs to a day. */
		public UnitPaths on(LocalDate day) {
			return (unitCode) -> pathOn(unitCode, day);
		}

		/**
		 * The unit and every ancestor it had on any day of its life: for data that
		 * belongs to no day, such as a unit's contacts.
		 */
		public UnitPaths overLife() {
			return this::pathOverLife;
		}

		/**
		 * The unit and its ancestors on the day, the unit first. The unit is always in
		 * it; an ancestor is followed through its parent on the day and counted if it
		 * existed then. The path ends at an ancestor the service does not know.
		 */
		List<String> pathOn(String unitCode, LocalDate day) {
			Optional<UnitNode> unit = this.lookup.apply(unitCode);
			if (unit.isEmpty()) {
				return List.of();
			}
			List<String> path = new ArrayList<>(List.of(unitCode));
			Set<String> walked = new LinkedHashSet<>(path);
			String parentCode = unit.get().parentOn(day);
			while (parentCode != null && walked.add(parentCode) && walked.size() <= MAX_DEPTH) {
				Optional<UnitNode> parent = this.lookup.apply(parentCode);
				if (parent.isEmpty()) {
					break;
				}
				if (parent.get().validOn(day)) {
					path.add(parentCode);
				}
				parentCode = parent.get().parentOn(day);
			}
			return path;
		}

		/**
		 * The unit and the ancestors it had on any day of its life, the unit first, then
		 * the ancestors nearest first, so that the top of the tree comes last. The path
		 * of a unit is the same between the days its place or an ancestor's changes, so
		 * the paths on those days are all there is to join.
		 */
		List<String> pathOverLife(String unitCode) {
			Optional<UnitNode> unit = this.lookup.apply(unitCode);
			if (unit.isEmpty()) {
				return List.of();
			}
			Set<LocalDate> days = new TreeSet<>(List.of(unit.get().validFrom()));
			for (UnitNode reachable : everyAncestorEver(unit.get())) {
				reachable.changeDays().stream().filter(unit.get()::validOn).forEach(days::add);
			}
			Map<String, Integer> height = new LinkedHashMap<>();
			for (LocalDate day : days) {
				List<String> path = pathOn(unitCode, day);
				for (int i = 1; i < path.size(); i++) {
					height.merge(path.get(i), i, Math::max);
				}
			}
			List<String> path = new ArrayList<>(List.of(unitCode));
			height.entrySet()
				.stream()
				.sorted(Map.Entry.comparingByValue(Comparator.naturalOrder()))
				.forEach((ancestor) -> path.add(ancestor.getKey()));
			return path;
		}

		/**
		 * The unit and every unit that was ever above it or above one of those, whatever
		 * the days: more than its ancestors, but every day on which its path may change
		 * is a change day of one of them.
		 */
		private List<UnitNode> everyAncestorEver(UnitNode unit) {
			Map<String, UnitNode> found = new LinkedHashMap<>(Map.of(unit.unitCode(), unit));
			Deque<UnitNode> pending = new ArrayDeque<>(List.of(unit));
			while (!pending.isEmpty() && found.size() <= MAX_DEPTH * 4) {
				for (String parentCode : pending.removeFirst().parentsOverLife()) {
					if (!found.containsKey(parentCode)) {
						this.lookup.apply(parentCode).ifPresent((parent) -> {
							found.put(parentCode, parent);
							pending.addLast(parent);
						});
					}
				}
			}
			return List.copyOf(found.values());
		}

	}

}
