package vn.gov.cchc.plan.unit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import vn.gov.cchc.events.DatedUnitTree;
import vn.gov.cchc.events.UnitDetails;

import org.springframework.stereotype.Component;

/**
 * Every unit in memory, newest state by {@code occurredAt}, for what reads units on the
 * hot path (validating progress): no store read per event.
 *
 * <p>
 * Kept current from {@code cchc.units} by two feeds: {@link UnitDirectoryFeed}, bound
 * without a group so that every instance reads every partition from the start of the
 * compacted topic, and {@link UnitEventsConsumer}, which applies each batch here before
 * it writes the {@code units} view, so that what the view shows is never newer than what
 * validation sees. Until the feed has caught up after a start, a unit not seen yet is
 * read from the view once and kept (a later event still replaces it).
 */
@Component
public class UnitDirectory {

	private final Map<String, Known> units = new ConcurrentHashMap<>();

	private final Units store;

	UnitDirectory(Units store) {
		this.store = store;
	}

	public Optional<UnitDetails> find(String code) {
		Known known = this.units.get(code);
		if (known != null) {
			return Optional.of(known.unit());
		}
		Optional<StoredUnit> stored = this.store.findStored(code);
		stored.ifPresent((unit) -> apply(unit.toDetails(), unit.occurredAt()));
		return stored.map(StoredUnit::toDetails);
	}

	/** The tree as this directory knows it, to decide what a caller may read. */
	public UnitTree tree() {
		return new UnitTree(this::find);
	}

	/**
	 * Whether the unit is the ancestor or one of its descendants on the given day, by the
	 * parents the units had that day. A unit is within itself.
	 */
	public boolean isWithin(String code, String ancestorCode, LocalDate day) {
		// A unit that did not exist on the day has no path then (see UnitTree#on).
		return code.equals(ancestorCode)
				|| DatedUnitTree.pathDuring(code, day, day, this::find).codes().contains(ancestorCode);
	}

	/** How many units are known here. */
	public int size() {
		return this.units.size();
	}

	/**
	 * Keeps the state unless a later one is known: replay and redelivery change nothing.
	 * @return whether this state is now the known one
	 */
	boolean apply(UnitDetails unit, Instant occurredAt) {
		Known offered = new Known(unit, occurredAt);
		return this.units.merge(unit.code(), offered,
				(known, offer) -> offer.occurredAt().isBefore(known.occurredAt()) ? known : offer) == offered;
	}

	void applyAll(Collection<UnitState> states) {
		states.forEach((state) -> apply(state.unit(), state.occurredAt()));
	}

	private record Known(UnitDetails unit, Instant occurredAt) {

	}

}
