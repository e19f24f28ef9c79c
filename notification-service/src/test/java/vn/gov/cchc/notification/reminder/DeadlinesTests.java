package vn.gov.cchc.notification.reminder;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.gov.cchc.events.PeriodType;
import vn.gov.cchc.testing.MongoTestStore;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import static org.assertj.core.api.Assertions.assertThat;

class DeadlinesTests {

	private static final Instant NOW = Instant.parse("2026-03-02T01:00:00Z");

	private MongoClient client;

	private Deadlines deadlines;

	private MongoTemplate mongo;

	@BeforeEach
	void freshDatabase() {
		this.client = MongoClients.create(MongoTestStore.connectionString());
		this.mongo = new MongoTemplate(this.client, "cchc-notification-deadlines-" + UUID.randomUUID());
		this.deadlines = new Deadlines(this.mongo);
	}

	@AfterEach
	void close() {
		this.mongo.getDb().drop();
		this.client.close();
	}

	@Test
	void aBatchAppliesEachReportsEventsInOrderOnceEach() {
		this.deadlines.apply(due("e0", "S2", "2026-03-20"), NOW);
		List<SubmissionEvent> batch = List.of(due("e1", "S1", "2026-03-10"), due("e0", "S2", "2026-03-20"),
				event("e2", SubmissionEvent.Kind.SUBMITTED, "S2"), due("e1", "S1", "2026-03-10"),
				due("e3", "S1", "2026-03-12"));

		Deadlines.Applied applied = this.deadlines.applyAll(batch, NOW);

		assertThat(applied.changed()).isEqualTo(3);

		Deadline s1 = this.deadlines.find("S1").orElseThrow();
		assertThat(s1.appliedEvents()).containsExactly("e1", "e3");
		assertThat(s1.dueDate()).isEqualTo(LocalDate.parse("2026-03-12"));
		assertThat(s1.open()).isTrue();
		Deadline s2 = this.deadlines.find("S2").orElseThrow();
		assertThat(s2.appliedEvents()).containsExactly("e0", "e2");
		assertThat(s2.open()).isFalse();
		assertThat(s2.version()).isEqualTo(2);
		// What the batch hands on to planning is what the store now holds.
		assertThat(applied.deadlines()).containsExactly(s1, s2);
		// The same batch again changes nothing.
		assertThat(this.deadlines.applyAll(batch, NOW).changed()).isZero();
		assertThat(this.deadlines.find("S1").orElseThrow().version()).isEqualTo(s1.version());
	}

	@Test
	void aReportAnotherConsumerWroteInBetweenGetsItsEventsOneAtATime() {
		this.deadlines.apply(due("e0", "S1", "2026-03-20"), NOW);
		// Another consumer (a rebalance) applies an event between this batch's read and
		// write: the bulk write misses on the version, and the events are applied again.
		Deadlines racing = new Deadlines(this.mongo) {

			@Override
			List<Deadline> findAll(java.util.Collection<String> submissionIds) {
				List<Deadline> read = super.findAll(submissionIds);
				if (read.stream().anyMatch((deadline) -> deadline.version() == 1)) {
					DeadlinesTests.this.mongo.updateFirst(Query.query(Criteria.where("_id").is("S1")),
							new Update().push("appliedEvents", "other").inc("version", 1), Deadline.class);
				}
				return read;
			}

		};

		Deadlines.Applied applied = racing.applyAll(List.of(event("e1", SubmissionEvent.Kind.SUBMITTED, "S1")), NOW);

		assertThat(applied.changed()).isOne();

		Deadline s1 = this.deadlines.find("S1").orElseThrow();
		assertThat(s1.appliedEvents()).containsExactly("e0", "other", "e1");
		assertThat(s1.open()).isFalse();
		assertThat(applied.deadlines()).containsExactly(s1);
	}

	private static SubmissionEvent due(String id, String submission, String dueDate) {
		return new SubmissionEvent(id, SubmissionEvent.Kind.DUE, submission, "25999", "KH-1", "2026-Q1",
				PeriodType.QUARTER, LocalDate.parse(dueDate), "25", "27", NOW);
	}

	private static SubmissionEvent event(String id, SubmissionEvent.Kind kind, String submission) {
		return new SubmissionEvent(id, kind, submission, "25999", "KH-1", "2026-Q1", PeriodType.QUARTER, null, null,
				null, NOW);
	}

}
