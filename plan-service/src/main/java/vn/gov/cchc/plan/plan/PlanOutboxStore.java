package vn.gov.cchc.plan.plan;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.bson.Document;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * What the relay keeps in MongoDB: the outbox entries in the plans' documents, and in
 * {@code plan_outbox_relay} the lease that lets one instance relay at a time and, per
 * topic, the checkpoint of the reconciliation.
 *
 * <pre>
 * { _id: "lease", holder, expiresAt, renewedAt }
 * { _id: "checkpoint:cchc.plans", offsets: { p0: 12, p1: 7, p2: 30 } }
 * </pre>
 *
 * The checkpoint holds, per partition, an offset below which no record is the event of a
 * pending entry: an entry is removed before the checkpoint moves past its record.
 */
class PlanOutboxStore {

	static final String RELAY_COLLECTION = "plan_outbox_relay";

	static final String LEASE_ID = "lease";

	private final MongoTemplate mongo;

	PlanOutboxStore(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	/**
	 * A pending entry and the plan it belongs to.
	 *
	 * @param planId the plan, also the record key
	 * @param eventId the CloudEvent id
	 * @param type the CloudEvent type
	 * @param event the CloudEvent as JSON text
	 */
	record Pending(String planId, String eventId, String type, String event) {

	}

	/** Outcome of asking for the lease. */
	enum Lease {

		/** Held by the caller before and still: nothing happened in between. */
		RENEWED,

		/** Newly held: free, expired, or held by someone else before. */
		ACQUIRED,

		/** Someone else holds it. */
		REFUSED

	}

	/**
	 * The pending entries of up to {@code maxPlans} plans, each plan's in the order they
	 * were written.
	 */
	List<Pending> pending(int maxPlans) {
		Query withOutbox = Query.query(where("outbox.eventId").exists(true)).with(Sort.by("_id")).limit(maxPlans);
		withOutbox.fields().include("outbox");
		List<Pending> pending = new ArrayList<>();
		for (Document plan : this.mongo.find(withOutbox, Document.class, Plans.COLLECTION)) {
			for (Document entry : plan.getList("outbox", Document.class, List.of())) {
				pending.add(new Pending(plan.getString("_id"), entry.getString("eventId"), entry.getString("type"),
						entry.getString("event")));
			}
		}
		return pending;
	}

	/** Every pending event id, with its plan. */
	Map<String, String> pendingEventIds() {
		Query withOutbox = Query.query(where("outbox.eventId").exists(true));
		withOutbox.fields().include("outbox.eventId");
		Map<String, String> ids = new LinkedHashMap<>();
		for (Document plan : this.mongo.find(withOutbox, Document.class, Plans.COLLECTION)) {
			for (Document entry : plan.getList("outbox", Document.class, List.of())) {
				ids.put(entry.getString("eventId"), plan.getString("_id"));
			}
		}
		return ids;
	}

	/** Removes an entry whose event is on the topic. */
	void remove(String planId, String eventId) {
		this.mongo.updateFirst(Query.query(where("_id").is(planId)),
				new Update().pull("outbox", new Document("eventId", eventId)), Plans.COLLECTION);
	}

	/** The checkpoint of the topic, by partition; empty when there is none yet. */
	Map<Integer, Long> checkpoint(String topic) {
		Document checkpoint = this.mongo.findById(checkpointId(topic), Document.class, RELAY_COLLECTION);
		Map<Integer, Long> offsets = new TreeMap<>();
		if (checkpoint != null && checkpoint.get("offsets") instanceof Document stored) {
			stored
				.forEach((key, value) -> offsets.put(Integer.valueOf(key.substring(1)), ((Number) value).longValue()));
		}
		return offsets;
	}

	/** Moves the checkpoint forward to the given offsets; never back. */
	void advanceCheckpoint(String topic, Map<Integer, Long> offsets) {
		if (offsets.isEmpty()) {
			return;
		}
		Update update = new Update();
		offsets.forEach((partition, offset) -> update.max("offsets.p" + partition, offset));
		this.mongo.upsert(Query.query(where("_id").is(checkpointId(topic))), update, RELAY_COLLECTION);
	}

	/**
	 * Takes or renews the lease for {@code duration} from {@code now}: one atomic
	 * findAndModify that matches only if the caller holds it or it has expired, and
	 * otherwise tries to insert it, which fails while another holder has it.
	 */
	Lease acquire(String holder, Instant now, Duration duration) {
		Query free = Query.query(where("_id").is(LEASE_ID)
			.orOperator(where("holder").is(holder), where("expiresAt").lt(Date.from(now))));
		Update take = new Update().set("holder", holder)
			.set("expiresAt", Date.from(now.plus(duration)))
			.set("renewedAt", Date.from(now));
		Document before;
		try {
			before = this.mongo.findAndModify(free, take, FindAndModifyOptions.options().upsert(true).returnNew(false),
					Document.class, RELAY_COLLECTION);
		}
		catch (DuplicateKeyException ex) {
			return Lease.REFUSED;
		}
		if (before != null && holder.equals(before.getString("holder"))
				&& before.getDate("expiresAt").toInstant().isAfter(now)) {
			return Lease.RENEWED;
		}
		return Lease.ACQUIRED;
	}

	/** Gives the lease up, if the caller holds it, so another instance need not wait. */
	void release(String holder) {
		this.mongo.updateFirst(Query.query(where("_id").is(LEASE_ID).and("holder").is(holder)),
				new Update().set("expiresAt", new Date(0)), RELAY_COLLECTION);
	}

	/** The lease as stored, for operators and tests. */
	Document lease() {
		Document lease = this.mongo.findById(LEASE_ID, Document.class, RELAY_COLLECTION);
		return (lease != null) ? lease : new Document();
	}

	private static String checkpointId(String topic) {
		return "checkpoint:" + topic;
	}

}
