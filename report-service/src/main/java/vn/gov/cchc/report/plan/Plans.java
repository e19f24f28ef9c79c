package vn.gov.cchc.report.plan;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import vn.gov.cchc.report.store.GuardedUpsert;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;
import vn.gov.cchc.events.PlanDetails;

import org.springframework.stereotype.Component;

/**
 * The {@code plans} collection: one document per plan, {@code _id} = plan id, holding the
 * newest version's whole state ({@code state}, the event's JSON). "Newest" is the highest
 * {@code version}, and within a version the latest {@code occurredAt}, because closing a
 * plan keeps its version.
 */
@Component
public class Plans {

	static final String COLLECTION = "plans";

	private final MongoCollection<Document> plans;

	private final JsonMapper json;

	public Plans(MongoDatabase database) {
		this.plans = database.getCollection(COLLECTION);
		this.json = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
	}

	/**
	 * Stores the plan's state unless a newer one is stored; a single conditional upsert
	 * ({@link GuardedUpsert}).
	 * @param plan the plan's whole state
	 * @param occurredAt when that state came to be
	 * @return {@code true} if stored, {@code false} if a newer state was already there
	 */
	public boolean record(PlanDetails plan, Instant occurredAt) {
		Date at = Date.from(occurredAt);
		Bson newer = Filters.or(Filters.exists("version", false), Filters.lt("version", plan.version()),
				Filters.and(Filters.eq("version", plan.version()), Filters.lte("occurredAt", at)));
		Bson update = Updates.combine(Updates.set("version", plan.version()), Updates.set("occurredAt", at),
				Updates.set("status", plan.status().name()), Updates.set("state", this.json.writeValueAsString(plan)));
		return GuardedUpsert.apply(this.plans, Filters.and(Filters.eq("_id", plan.planId()), newer), update);
	}

	/** The plan's newest known version. */
	public Optional<PlanDetails> find(String planId) {
		return Optional.ofNullable(this.plans.find(Filters.eq("_id", planId)).first()).map(this::plan);
	}

	/** Every plan known, issued, amended or closed, sorted by id. */
	public List<PlanDetails> all() {
		List<PlanDetails> all = this.plans.find().map(this::plan).into(new ArrayList<>());
		all.sort(Comparator.comparing(PlanDetails::planId));
		return all;
	}

	private PlanDetails plan(Document document) {
		return this.json.readValue(document.getString("state"), PlanDetails.class);
	}

}
