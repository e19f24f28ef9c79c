package vn.gov.cchc.security;

import java.util.List;

/**
 * How a service finds where a unit sits: the unit and its ancestors, the unit first, on
 * whatever day the question is about. Each service answers from its own copy of the tree.
 */
@FunctionalInterface
public interface UnitPaths {

	/**
	 * The unit and its ancestors, the unit first; empty for a unit the service does not
	 * know.
	 */
	List<String> pathOf(String unitCode);

}
