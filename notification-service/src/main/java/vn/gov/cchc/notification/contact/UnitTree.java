package vn.gov.cchc.notification.contact;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import vn.gov.cchc.events.DatedUnitTree;
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
		return this.nodes.find(unitCode).or(() -> this.contacts.find(unitCode).map(UnitNode::of));
	}

	/**
	 * Paths over the tree, reading each unit once. The walk is {@link DatedUnitTree}'s,
	 * the one every service rolls up and judges access on: a path ends at an ancestor the
	 * service does not know, or where bad data goes round in a circle.
	 */
	public static final class View {

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

		/** See {@link DatedUnitTree#pathOn(String, LocalDate, Function)}. */
		List<String> pathOn(String unitCode, LocalDate day) {
			return DatedUnitTree.pathOn(unitCode, day, this.lookup).codes();
		}

		/** See {@link DatedUnitTree#pathOverLife(String, Function)}. */
		List<String> pathOverLife(String unitCode) {
			return DatedUnitTree.pathOverLife(unitCode, this.lookup).codes();
		}

	}

}
