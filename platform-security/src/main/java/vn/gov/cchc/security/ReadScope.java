package vn.gov.cchc.security;

import java.util.List;
import java.util.Optional;

/**
 * The units a caller may read: an officer its own unit and the units below it; a reviewer
 * or an administrator the whole province its unit belongs to (the topmost ancestor); a
 * machine client nothing. A caller whose unit the tree does not know reads nothing, so a
 * token of another province sees none of this one.
 */
public final class ReadScope {

	private final Caller caller;

	private final UnitPaths paths;

	private ReadScope(Caller caller, UnitPaths paths) {
		this.caller = caller;
		this.paths = paths;
	}

	public static ReadScope of(Caller caller, UnitPaths paths) {
		return new ReadScope(caller, paths);
	}

	/** The unit at the top of what the caller reads, if the caller reads anything. */
	public Optional<String> root() {
		if (!this.caller.hasAny(Role.OFFICER, Role.REVIEWER, Role.ADMIN)) {
			return Optional.empty();
		}
		List<String> own = this.paths.pathOf(this.caller.unitCode());
		if (own.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(this.caller.readsProvince() ? own.get(own.size() - 1) : this.caller.unitCode());
	}

	/** Whether the caller may read the unit's figures and reports. */
	public boolean covers(String unitCode) {
		return root().map((root) -> this.paths.pathOf(unitCode).contains(root)).orElse(false);
	}

	/**
	 * Refuses with 403 unless the caller may read the unit.
	 * @param field the request parameter or path variable naming the unit
	 */
	public void require(String field, String unitCode) {
		if (!covers(unitCode)) {
			throw ScopeDeniedException.read(field, this.caller, unitCode);
		}
	}

}
