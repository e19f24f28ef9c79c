package vn.gov.cchc.plan.unit;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import org.jspecify.annotations.Nullable;

/**
 * Paths of the unit API, and the day a read is about. Public because the request body
 * limit (in the ingest feature) gives the import path its own cap.
 */
public final class UnitApi {

	/** The collection: the tree on a day ({@code GET}) and registration ({@code PUT}). */
	public static final String UNITS = "/api/v1/units";

	/** One unit. */
	public static final String UNIT = UNITS + "/{code}";

	/** Bulk import from CSV or JSON, row by row. */
	public static final String IMPORT = UNITS + ":import";

	/** Several units merged into a new one. */
	public static final String MERGE = UNITS + ":merge";

	/** One unit split into new ones. */
	public static final String SPLIT = UNITS + ":split";

	/** A unit moved under another parent. */
	public static final String MOVE = UNIT + ":move";

	/** Unit days are Vietnamese calendar days. */
	static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

	/** OpenAPI tag of every unit endpoint. */
	static final String TAG = "Đơn vị";

	private UnitApi() {
	}

	/** The day asked for, or today in Vietnam. */
	static LocalDate dayOrToday(@Nullable LocalDate on, Clock clock) {
		return (on != null) ? on : LocalDate.now(clock.withZone(ZONE));
	}

}
