package vn.gov.cchc.report.unit;

import java.util.List;

import vn.gov.cchc.events.DatedUnitTree;

/**
 * A unit code that is not in the tree (yet). Here a path the walk could not finish is no
 * path: a fact of the unit waits to be counted, and nobody reads the unit by it.
 */
public final class UnknownUnitException extends RuntimeException {

	UnknownUnitException(String unitCode) {
		super("Unit " + unitCode + " is not known (yet)");
	}

	/**
	 * The path's units, the unit first.
	 * @throws UnknownUnitException naming the first unit the walk could not find
	 */
	public static List<String> requireKnown(DatedUnitTree.Path path) {
		String unknown = path.unknownCode();
		if (unknown != null) {
			throw new UnknownUnitException(unknown);
		}
		return path.codes();
	}

}
