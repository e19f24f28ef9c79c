package vn.gov.cchc.security;

/**
 * What a caller may write: progress, narratives and submissions only for the unit its
 * token acts for, and only as an officer or that unit's own system.
 */
public final class WriteScope {

	private WriteScope() {
	}

	/** Whether the caller may write for the unit. */
	public static boolean covers(Caller caller, String unitCode) {
		return caller.hasAny(Role.OFFICER, Role.MACHINE) && caller.unitCode().equals(unitCode);
	}

	/**
	 * Refuses with 403 unless the caller may write for the unit.
	 * @param field the request field naming the unit, e.g. {@code [3].unitCode}
	 */
	public static void require(Caller caller, String field, String unitCode) {
		if (!covers(caller, unitCode)) {
			throw ScopeDeniedException.write(field, caller, unitCode);
		}
	}

}
