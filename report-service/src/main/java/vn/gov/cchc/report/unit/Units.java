package vn.gov.cchc.report.unit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.Optional;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.jspecify.annotations.Nullable;
import vn.gov.cchc.events.UnitDetails;
import vn.gov.cchc.events.UnitKind;

import org.springframework.stereotype.Component;

/**
 * The {@code units} collection: one document per unit, {@code _id} = unit code. Dates are
 * stored as ISO strings, so that a {@code LocalDate} never passes through a time zone.
 */
@Component
public class Units {

	static final String COLLECTION = "units";

	private final MongoCollection<Document> units;

	public Units(MongoDatabase database) {
		this.units = database.getCollection(COLLECTION);
	}

	/**
	 * Stores the unit's whole state unless a later state is already stored. One
	 * conditional upsert does it atomically: the filter matches the stored document only
	 * if it is not newer, and when it is newer the upsert's insert collides with the
	 * existing {@code _id}. Because the filter is not a pure equality, MongoDB does not
	 * retry that insert itself and reports the duplicate key.
	 * @param unit the unit's whole state
	 * @param occurredAt when that state came to be
	 * @return {@code true} if stored, {@code false} if a later state was already there
	 */
	public boolean record(UnitDetails unit, Instant occurredAt) {
		Date at = Date.from(occurredAt);
		// Equal times are re-applied: a redelivered event writes the same state again.
		Bson filter = Filters.and(Filters.eq("_id", unit.code()),
				Filters.or(Filters.lte("occurredAt", at), Filters.exists("occurredAt", false)));
		Bson update = Updates.combine(Updates.set("name", unit.name()), Updates.set("kind", unit.kind().name()),
				Updates.set("parentCode", unit.parentCode()), Updates.set("validFrom", unit.validFrom().toString()),
				Updates.set("validTo", (unit.validTo() != null) ? unit.validTo().toString() : null),
				Updates.set("occurredAt", at));
		try {
			this.units.updateOne(filter, update, new UpdateOptions().upsert(true));
			return true;
		}
		catch (MongoWriteException ex) {
			if (ex.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
				return false;
			}
			throw ex;
		}
	}

	/** The unit with the given code, if its registration has arrived. */
	public Optional<Unit> find(String code) {
		Document document = this.units.find(Filters.eq("_id", code)).first();
		return Optional.ofNullable(document).map(Units::unit);
	}

	private static Unit unit(Document document) {
		return new Unit(document.getString("_id"), document.getString("name"),
				UnitKind.valueOf(document.getString("kind")), document.getString("parentCode"),
				LocalDate.parse(document.getString("validFrom")), date(document.getString("validTo")));
	}

	private static @Nullable LocalDate date(@Nullable String value) {
		return (value != null) ? LocalDate.parse(value) : null;
	}

}
