package vn.gov.cchc.report.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.SortedMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.gov.cchc.report.figures.Figures;
import vn.gov.cchc.report.figures.FiguresChanged;
import vn.gov.cchc.report.figures.Tally;
import vn.gov.cchc.testing.MongoTestStore;
import vn.gov.cchc.web.ProblemException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * The stream's bounds: a capped number of subscribers, a listener that never waits for
 * the figures to be read, and no work for changes nobody watches.
 */
class FiguresStreamTests {

	private MongoDatabase database;

	private SlowFigures figures;

	private FiguresStream stream;

	@BeforeEach
	void stream() {
		this.database = MongoTestStore.freshDatabase("figures-stream");
		this.figures = new SlowFigures(this.database);
		this.stream = new FiguresStream(this.figures,
				new DashboardProperties(
						new DashboardProperties.Stream(2, Duration.ofMinutes(1), Duration.ofMinutes(5), 1, 10)),
				new SimpleMeterRegistry());
	}

	@AfterEach
	void close() {
		this.figures.release.countDown();
		this.stream.destroy();
		this.database.drop();
	}

	@Test
	void oneSubscriberMoreThanTheCapIsRefusedWith503() {
		this.stream.subscribe("27", null);
		this.stream.subscribe("256", "27-2022-22-KH-UBND");

		assertThatThrownBy(() -> this.stream.subscribe("258", null)).isInstanceOfSatisfying(ProblemException.class,
				(ex) -> {
					assertThat(ex.getProblem().getStatus()).isEqualTo(503);
					assertThat(ex.getProblem().getType().toString()).endsWith("/too-many-subscribers");
				});
		assertThat(this.stream.subscribers()).isEqualTo(2);
	}

	@Test
	void theListenerHandsTheWorkOverAndReturnsWhileTheFiguresAreStillBeingRead() throws InterruptedException {
		this.stream.subscribe("256", null);

		assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
			this.stream.figuresChanged(changed("256"));
			this.stream.figuresChanged(changed("256"));
		});
		assertThat(this.figures.started.await(5, TimeUnit.SECONDS)).isTrue();
	}

	@Test
	void aChangeOfAnotherUnitOrPlanReadsNothing() throws InterruptedException {
		this.stream.subscribe("256", "27-2022-22-KH-UBND");

		this.stream.figuresChanged(changed("258"));
		this.stream.figuresChanged(new FiguresChanged("evt-2", "other-plan", Set.of("256"),
				Set.of(LocalDate.of(2022, 5, 4)), Instant.now()));
		this.stream.figuresChanged(changed("256"));

		assertThat(this.figures.started.await(5, TimeUnit.SECONDS)).isTrue();
		assertThat(this.figures.reads.get()).isEqualTo(1);
	}

	private static FiguresChanged changed(String unitCode) {
		return new FiguresChanged("evt-1", "27-2022-22-KH-UBND", Set.of(unitCode, "27"),
				Set.of(LocalDate.of(2022, 5, 4)), Instant.now());
	}

	/** Figures whose reads wait until released, counting them. */
	static final class SlowFigures extends Figures {

		final CountDownLatch started = new CountDownLatch(1);

		final CountDownLatch release = new CountDownLatch(1);

		final AtomicInteger reads = new AtomicInteger();

		SlowFigures(MongoDatabase database) {
			super(database);
		}

		@Override
		public SortedMap<String, Tally> byActivity(String unitCode, String planId, LocalDate from, LocalDate to) {
			this.reads.incrementAndGet();
			this.started.countDown();
			try {
				this.release.await(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			return super.byActivity(unitCode, planId, from, to);
		}

	}

}
