package vn.gov.cchc.report.submission;

import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * The {@code submissions} collection (one document per submission, {@code _id} =
 * {@code <planId>:<periodId>:<unitCode>}) and {@code submission_rounds} (one per plan and
 * period, {@code _id} = {@code <planId>:<periodId>}, written last when a round opens).
 * <p>
 * Every change is one single-document update whose filter holds the state it expects
 * (status, revision), and which also appends the audit entry and the outbox event: the
 * state, its trail and its event are never written apart. Reads are by {@code _id} (the
 * embedded test store ignores secondary indexes); only platform-outbox's relay looks for
 * documents with pending events by query, and clears them once sent.
 * <p>
 * Documents are the records' JSON, so that dates stay ISO days and never pass through a
 * time zone.
 */
@Component
public class Submissions {

	static final String COLLECTION = "submissions";

	static final String ROUNDS = "submission_rounds";

	private final MongoCollection<Document> submissions;

	private final MongoCollection<Document> rounds;

	private final JsonMapper json;

	public Submissions(MongoDatabase database) {
		this.submissions = database.getCollection(COLLECTION);
		this.rounds = database.getCollection(ROUNDS);
		this.json = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
	}

	/**
	 * Inserts a new submission with its {@code SubmissionDue} pending.
	 * @return {@code false} if it was there already (another instance or an earlier,
	 * interrupted opening made it)
	 */
	boolean insert(Submission submission) {
		return insertOnce(this.submissions, document(submission));
	}

	/**
	 * Marks the round opened, with its {@code PeriodOpened} pending.
	 * @return {@code false} if it was opened already
	 */
	boolean insertRound(Round round) {
		return insertOnce(this.rounds, document(round));
	}

	Optional<Round> findRound(String planId, String periodId) {
		Document document = this.rounds.find(Filters.eq("_id", Round.id(planId, periodId))).first();
		return Optional.ofNullable(document).map((found) -> read(found, Round.class));
	}

	public Optional<Submission> find(String id) {
		Document document = this.submissions.find(Filters.eq("_id", id)).first();
		return Optional.ofNullable(document).map((found) -> read(found, Submission.class));
	}

	/** The submissions with these ids that exist, in the order of the ids. */
	public List<Submission> findAll(Collection<String> ids) {
		return findAll(ids, EnumSet.allOf(SubmissionStatus.class));
	}

	/**
	 * The submissions with these ids that exist and are in one of the statuses, in the
	 * order of the ids; the others are not even read.
	 */
	public List<Submission> findAll(Collection<String> ids, Set<SubmissionStatus> statuses) {
		if (ids.isEmpty() || statuses.isEmpty()) {
			return List.of();
		}
		Map<String, Submission> byId = new LinkedHashMap<>();
		ids.forEach((id) -> byId.put(id, null));
		Bson filter = Filters.in("_id", List.copyOf(ids));
		if (statuses.size() < SubmissionStatus.values().length) {
			filter = Filters.and(filter, Filters.in("status", statuses.stream().map(Enum::name).toList()));
		}
		for (Document document : this.submissions.find(filter)) {
			Submission submission = read(document, Submission.class);
			byId.put(submission.id(), submission);
		}
		return byId.values().stream().filter((submission) -> submission != null).toList();
	}

	/**
	 * Applies a change if the submission is still in the status and at the revision it
	 * was read in.
	 * @return whether it matched
	 */
	boolean update(String id, SubmissionStatus expectedStatus, long expectedRevision, List<Bson> changes) {
		Bson filter = Filters.and(Filters.eq("_id", id), Filters.eq("status", expectedStatus.name()),
				Filters.eq("revision", expectedRevision));
		return this.submissions.updateOne(filter, Updates.combine(changes)).getModifiedCount() == 1;
	}

	/**
	 * Applies a change if the submission is in one of the statuses and matches the extra
	 * condition.
	 * @return whether it matched
	 */
	boolean updateIf(String id, Collection<SubmissionStatus> statuses, Bson condition, List<Bson> changes) {
		Bson filter = Filters.and(Filters.eq("_id", id),
				Filters.in("status", statuses.stream().map(Enum::name).toList()), condition);
		return this.submissions.updateOne(filter, Updates.combine(changes)).getModifiedCount() == 1;
	}

	/** Marks the round's overdue check done, so that the scan skips it from now on. */
	void roundSettled(String roundId, Instant at) {
		this.rounds.updateOne(Filters.eq("_id", roundId), Updates.set("settledAt", at.toString()));
	}

	/** A record as a sub-document of an update. */
	Document document(Object value) {
		return Document.parse(this.json.writeValueAsString(value));
	}

	private <T> T read(Document document, Class<T> type) {
		return this.json.readValue(document.toJson(), type);
	}

	private static boolean insertOnce(MongoCollection<Document> collection, Document document) {
		try {
			collection.insertOne(document);
			return true;
		}
		catch (MongoWriteException ex) {
			if (ex.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
				return false;
			}
			throw ex;
		}
	}

}
