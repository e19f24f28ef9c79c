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
 * The walk is {@link DatedUnitTree#pathDuring}, the one every service rolls up and judges
 * access on; this class only feeds it the units of this service's store.
 *
 * <p>
 * One instance serves one request: every unit is read from the store at most once.
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
