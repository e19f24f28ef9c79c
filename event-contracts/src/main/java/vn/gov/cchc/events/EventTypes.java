package vn.gov.cchc.events;

/**
 * CloudEvents {@code type} values. The version is part of the type: inside a version only
 * additive changes are allowed, a breaking change is a new type published beside the old.
 */
public final class EventTypes {

	public static final String PROGRESS_RECORDED_V1 = "vn.gov.cchc.progress.recorded.v1";

	public static final String UNIT_REGISTERED_V1 = "vn.gov.cchc.unit.registered.v1";

	public static final String UNIT_CHANGED_V1 = "vn.gov.cchc.unit.changed.v1";

	private EventTypes() {
	}

}
