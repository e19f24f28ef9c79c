package vn.gov.cchc.plan.unit;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import vn.gov.cchc.events.DatedUnitTree;
import vn.gov.cchc.events.UnitDetails;
import vn.gov.cchc.security.ReadScope;
import vn.gov.cchc.security.UnitPaths;

/**
 * Where units sit in the tree, as {@link ReadScope} asks it: a unit and its ancestors on
 * one day, over a period or over the unit's lifetime. One instance serves one request.
 *
 * <p>
 * Why: docs/units.md, "Which tree a read is judged on (UnitTree)".
 */
public final class UnitTree {

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
			return (code) -> paths.computeIfAbsent(code,
					(unit) -> DatedUnitTree.pathDuring(unit, from, to, this::find).codes());
		});
	}

	/** Every parent a unit had while it existed. */
	public UnitPaths overLifetime() {
		return during(LocalDate.MIN, LocalDate.MAX);
	}

	private Optional<UnitDetails> find(String code) {
		return this.read.computeIfAbsent(code, this.store);
	}

	/** The days from one day to another, both included. */
	private record Days(LocalDate from, LocalDate to) {

	}

}
