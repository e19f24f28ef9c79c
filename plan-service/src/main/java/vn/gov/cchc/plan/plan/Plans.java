package vn.gov.cchc.plan.plan;

import java.util.List;
import java.util.Optional;

import org.bson.Document;
import vn.gov.cchc.events.PlanDetails;
import vn.gov.cchc.events.PlanStatus;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * The plans, one document per plan in the {@code plans} collection:
 *
 * <pre>
 * { _id: planId, status: DRAFT|ISSUED|AMENDED|CLOSED, revision: n,
 *   draft: { ...PlanDetails... } | absent,       // the working copy before issue
 *   versions: [ { ...PlanDetails... }, ... ],     // issued versions, oldest first, never changed
 *   outbox: [ { eventId, type, event } ] }        // plan events not yet on cchc.plans
 * </pre>
 *
 * Everything about one plan, its pending events included, lives in that one document, so
 * each change and the event announcing it are written by a single atomic update, with no
 * transaction.
 */
@Repository
public class Plans {

	static final String COLLECTION = "plans";

	private final MongoTemplate mongo;

	private final PlanDocuments documents;

	Plans(MongoTemplate mongo, PlanDocuments documents) {
		this.mongo = mongo;
		this.documents = documents;
	}

	/**
	 * The version of a plan in force: its latest issued version, with the plan's status
	 * (a closed plan keeps its last version). Empty for an unknown plan or one that was
	 * never issued.
	 */
	public Optional<PlanDetails> findInForce(String planId) {
		Query byId = Query.query(where("_id").is(planId));
		byId.fields().include("status").slice("versions", -1);
		Document stored = this.mongo.findOne(byId, Document.class, COLLECTION);
		if (stored == null) {
			return Optional.empty();
		}
		List<Document> versions = stored.getList("versions", Document.class, List.of());
		if (versions.isEmpty()) {
			return Optional.empty();
		}
		PlanDetails latest = this.documents.toPlan(versions.get(versions.size() - 1));
		PlanStatus status = PlanStatus.valueOf(stored.getString("status"));
		return Optional.of((latest.status() != status) ? withStatus(latest, status) : latest);
	}

	static PlanDetails withStatus(PlanDetails plan, PlanStatus status) {
		return new PlanDetails(plan.planId(), plan.version(), status, plan.number(), plan.title(), plan.issuerCode(),
				plan.issuedOn(), plan.from(), plan.to(), plan.basis(), plan.contentAreas(), plan.activities(),
				plan.targets(), plan.budgetVnd(), plan.budgetNote(), plan.reporting());
	}

}
