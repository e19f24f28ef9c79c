package vn.gov.cchc.plan.plan;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.gov.cchc.events.PlanDetails;
import vn.gov.cchc.events.PlanStatus;
import vn.gov.cchc.outbox.OutboxEvent;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * The plans, one document per plan in the {@code plans} collection, its pending events
 * included, each change written by one update conditional on the plan's revision.
 *
 * <p>
 * Why: docs/plans.md, "One document per plan (Plans)".
 */
@Repository
public class Plans {

	static final String COLLECTION = "plans";

	private static final Logger logger = LoggerFactory.getLogger(Plans.class);

	private static final List<String> IN_FORCE = List.of(PlanStatus.ISSUED.name(), PlanStatus.AMENDED.name());

	private final MongoTemplate mongo;

	private final PlanDocuments documents;

	/**
	 * The plans in force that validation asked for, so that it reads the store once per
	 * plan and change, not once per report. Emptied of a plan by this service's own
	 * changes to it and by every event on {@code cchc.plans} about it
	 * ({@link PlanChangesFeed}, which every instance reads), so another instance's change
	 * is seen as soon as its event is on the topic.
	 */
	private final Map<String, PlanDetails> inForce = new ConcurrentHashMap<>();

	/** Bumped by every eviction: a read that overlapped one does not fill the cache. */
	private final AtomicLong evictions = new AtomicLong();

	Plans(MongoTemplate mongo, PlanDocuments documents) {
		this.mongo = mongo;
		this.documents = documents;
	}

	/**
	 * {@link #findInForce}, from memory after the first read of each plan; for the hot
	 * path of validating progress.
	 */
	public Optional<PlanDetails> inForce(String planId) {
		PlanDetails known = this.inForce.get(planId);
		if (known != null) {
			return Optional.of(known);
		}
		long before = this.evictions.get();
		Optional<PlanDetails> found = findInForce(planId);
		found.ifPresent((plan) -> {
			if (this.evictions.get() == before) {
				this.inForce.putIfAbsent(planId, plan);
			}
		});
		return found;
	}

	/** Forgets what {@link #inForce} knows of a plan, which has changed. */
	void evict(String planId) {
		this.evictions.incrementAndGet();
		this.inForce.remove(planId);
	}

	/** Forgets every plan, for an event on {@code cchc.plans} that names none. */
	void evictAll() {
		this.evictions.incrementAndGet();
		this.inForce.clear();
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

	/**
	 * The lookups by issuer and by parent plan match drafts and every version; on a real
	 * MongoDB these indexes keep them off a collection scan (the embedded development
	 * store accepts and ignores them).
	 */
	@EventListener(ApplicationReadyEvent.class)
	void createIndexes() {
		try {
			for (String path : List.of("draft.issuerCode", "versions.issuerCode", "draft.basis.parentPlanId",
					"versions.basis.parentPlanId")) {
				this.mongo.indexOps(COLLECTION).createIndex(new Index().on(path, Sort.Direction.ASC));
			}
		}
		catch (DataAccessException ex) {
			// Reads stay correct without them; the next start tries again.
			logger.warn("Could not create the indexes of {}: {}", COLLECTION, ex.getMessage());
		}
	}

	/** The plan with its draft, versions and history (not its outbox). */
	Optional<StoredPlan> find(String planId) {
		Query byId = Query.query(where("_id").is(planId));
		byId.fields().exclude("outbox");
		return Optional.ofNullable(this.mongo.findOne(byId, Document.class, COLLECTION)).map(this::toStored);
	}

	/** Plans whose draft or any version was issued by the unit, by plan id. */
	List<StoredPlan> findByIssuer(String issuerCode) {
		return findAll(new Criteria().orOperator(where("draft.issuerCode").is(issuerCode),
				where("versions.issuerCode").is(issuerCode)));
	}

	/** Every plan, by plan id, at most {@code limit}. */
	List<StoredPlan> findAll(int limit) {
		Query all = Query.query(where("_id").exists(true)).with(Sort.by("_id")).limit(limit);
		all.fields().exclude("outbox");
		return this.mongo.find(all, Document.class, COLLECTION).stream().map(this::toStored).toList();
	}

	/** Plans whose draft or any version names the given plan as the one it implements. */
	List<StoredPlan> findImplementing(String parentPlanId) {
		return findAll(new Criteria().orOperator(where("draft.basis.parentPlanId").is(parentPlanId),
				where("versions.basis.parentPlanId").is(parentPlanId)));
	}

	private List<StoredPlan> findAll(Criteria criteria) {
		Query query = Query.query(criteria).with(Sort.by("_id"));
		query.fields().exclude("outbox");
		return this.mongo.find(query, Document.class, COLLECTION).stream().map(this::toStored).toList();
	}

	/**
	 * Creates a plan as a draft.
	 * @return {@code false} if a plan with that id exists
	 */
	boolean insertDraft(PlanDetails draft) {
		Document plan = new Document("_id", draft.planId()).append("status", PlanStatus.DRAFT.name())
			.append("revision", 1L)
			.append("draft", this.documents.toDocument(draft))
			.append("versions", List.of())
			.append("history", List.of())
			.append("outbox", List.of());
		try {
			this.mongo.insert(plan, COLLECTION);
			return true;
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
	}

	/**
	 * Replaces the draft of a plan that is still a draft at the given revision.
	 * @return {@code false} if the plan changed since, or is no draft
	 */
	boolean replaceDraft(String planId, long revision, PlanDetails draft) {
		Update update = new Update().set("draft", this.documents.toDocument(draft)).set("revision", revision + 1);
		return updated(planId, revision, List.of(PlanStatus.DRAFT.name()), update);
	}

	/**
	 * Issues the draft: version 1, its history entry and its event, in one update.
	 * @return {@code false} if the plan changed since, or is no draft
	 */
	boolean issue(String planId, long revision, PlanDetails version, PlanChange change, OutboxEvent event) {
		Update update = new Update().set("status", PlanStatus.ISSUED.name())
			.set("revision", revision + 1)
			.unset("draft")
			.push("versions", this.documents.toDocument(version))
			.push("history", this.documents.toDocument(change))
			.push(PlanOutboxConfiguration.PLAN_EVENTS.field(), event.toDocument());
		return updated(planId, revision, List.of(PlanStatus.DRAFT.name()), update);
	}

	/**
	 * Adds an amended version, its history entry and its event, in one update.
	 * @return {@code false} if the plan changed since, or is not in force
	 */
	boolean amend(String planId, long revision, PlanDetails version, PlanChange change, OutboxEvent event) {
		Update update = new Update().set("status", PlanStatus.AMENDED.name())
			.set("revision", revision + 1)
			.push("versions", this.documents.toDocument(version))
			.push("history", this.documents.toDocument(change))
			.push(PlanOutboxConfiguration.PLAN_EVENTS.field(), event.toDocument());
		return updated(planId, revision, IN_FORCE, update);
	}

	/**
	 * Closes the plan, with its history entry and its event, in one update.
	 * @return {@code false} if the plan changed since, or is not in force
	 */
	boolean close(String planId, long revision, LocalDate closedOn, @Nullable String reason, PlanChange change,
			OutboxEvent event) {
		Update update = new Update().set("status", PlanStatus.CLOSED.name())
			.set("revision", revision + 1)
			.set("closedOn", closedOn.toString())
			.set("closeReason", reason)
			.push("history", this.documents.toDocument(change))
			.push(PlanOutboxConfiguration.PLAN_EVENTS.field(), event.toDocument());
		return updated(planId, revision, IN_FORCE, update);
	}

	private boolean updated(String planId, long revision, List<String> statuses, Update update) {
		Query current = Query.query(where("_id").is(planId).and("revision").is(revision).and("status").in(statuses));
		boolean updated = this.mongo.updateFirst(current, update, COLLECTION).getMatchedCount() == 1;
		if (updated) {
			evict(planId);
		}
		return updated;
	}

	private StoredPlan toStored(Document stored) {
		Document draft = stored.get("draft", Document.class);
		List<PlanDetails> versions = stored.getList("versions", Document.class, List.of())
			.stream()
			.map(this.documents::toPlan)
			.toList();
		List<PlanChange> history = stored.getList("history", Document.class, List.of())
			.stream()
			.map((change) -> this.documents.read(change, PlanChange.class))
			.toList();
		Object revision = stored.get("revision");
		String closedOn = stored.getString("closedOn");
		return new StoredPlan(stored.getString("_id"), PlanStatus.valueOf(stored.getString("status")),
				(revision instanceof Number number) ? number.longValue() : 0L,
				(draft != null) ? this.documents.toPlan(draft) : null, versions, history,
				(closedOn != null) ? LocalDate.parse(closedOn) : null, stored.getString("closeReason"));
	}

}
