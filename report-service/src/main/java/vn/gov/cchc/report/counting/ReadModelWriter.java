package vn.gov.cchc.report.counting;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.mongodb.MongoException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.gov.cchc.report.figures.Figures;
import vn.gov.cchc.report.figures.FiguresChanged;
import vn.gov.cchc.report.figures.FiguresWritten;
import vn.gov.cchc.report.figures.MonthFigures;
import vn.gov.cchc.report.figures.Tally;
import vn.gov.cchc.report.totals.Totals;
import vn.gov.cchc.report.totals.UnitTotals;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Writes the changed documents the counting emits ({@value CountingTopology#DOCUMENTS},
 * read committed, in batches) to the MongoDB read model: a batch is coalesced to one
 * change per document (the last state of each changed day and activity, the last totals)
 * and written with one bulk write per collection, so store writes follow the documents
 * changed, never the events. Then one {@link FiguresWritten} per batch, holding a
 * {@link FiguresChanged} per figures document, tells the live stream and the frozen
 * submissions.
 * <p>
 * Each record carries whole states (of cells, of totals), so a batch written twice (a
 * crash before the consumer's commit) writes the same states again. A record that cannot
 * be read is skipped and counted; it cannot come from this service's own topology.
 */
@Component
public class ReadModelWriter {

	private static final Logger logger = LoggerFactory.getLogger(ReadModelWriter.class);

	private static final Duration MAX_RETRY_PAUSE = Duration.ofSeconds(10);

	private final Figures figures;

	private final Totals totals;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final JsonMapper json = JsonMapper.builder().build();

	private final Counter written;

	private final Counter unreadable;

	private final Counter storeFailures;

	private final Duration retryPause;

	@Autowired
	public ReadModelWriter(Figures figures, Totals totals, ApplicationEventPublisher events, Clock clock,
			MeterRegistry registry) {
		this(figures, totals, events, clock, registry, Duration.ofMillis(500));
	}

	ReadModelWriter(Figures figures, Totals totals, ApplicationEventPublisher events, Clock clock,
			MeterRegistry registry, Duration retryPause) {
		this.figures = figures;
		this.totals = totals;
		this.events = events;
		this.clock = clock;
		this.written = Counter.builder("cchc.readmodel.written")
			.description("Figures and totals documents written to the read model")
			.register(registry);
		this.retryPause = retryPause;
		this.storeFailures = Counter.builder("cchc.readmodel.store.failures")
			.description("Writes of a batch to the read model that the store refused (tried again)")
			.register(registry);
		this.unreadable = Counter.builder("cchc.readmodel.unreadable")
			.description("Records of the documents topic that could not be read")
			.register(registry);
	}

	/** Writes one batch of changed documents. */
	public void write(List<byte[]> batch) {
		// A document's records are on one partition, in the order they were emitted: a
		// later one is newer, even across a rebuild that starts the versions again.
		Map<String, ChangedDocument> totals = new LinkedHashMap<>();
		Map<String, ChangedDocument> months = new LinkedHashMap<>();
		Map<String, Map<String, Map<String, Tally>>> cells = new LinkedHashMap<>();
		for (byte[] value : batch) {
			ChangedDocument document;
			try {
				document = this.json.readValue(value, ChangedDocument.class);
			}
			catch (JacksonException ex) {
				this.unreadable.increment();
				logger.warn("Skipped an unreadable record of {}: {}", CountingTopology.DOCUMENTS,
						ex.getOriginalMessage());
				continue;
			}
			if (document.kind() == ChangedDocument.Kind.TOTALS) {
				totals.put(document.id(), document);
			}
			else {
				months.put(document.id(), document);
				Map<String, Map<String, Tally>> days = cells.computeIfAbsent(document.id(), (id) -> new TreeMap<>());
				document.days()
					.forEach((day, activities) -> days.computeIfAbsent(day, (d) -> new TreeMap<>()).putAll(activities));
			}
		}
		List<Figures.MonthChange> changes = new ArrayList<>(months.size());
		months.forEach((id,
				document) -> changes.add(new Figures.MonthChange(
						monthFigures(document.unitCode(), document.planId(), document.month(), cells.get(id)),
						document.version())));
		List<UnitTotals> units = new ArrayList<>(totals.size());
		for (ChangedDocument document : totals.values()) {
			Tally tally = (document.totals() != null) ? document.totals() : Tally.ZERO;
			units.add(new UnitTotals(document.unitCode(), tally.events(), tally.budgetSpentVnd(), tally.quantities(),
					document.version()));
		}
		// Totals first: a few small documents, ready before the figures' larger write.
		untilWritten(() -> {
			this.totals.writeAll(units);
			this.figures.writeAll(changes);
		});
		this.written.increment(changes.size() + units.size());
		List<FiguresChanged> changed = new ArrayList<>(changes.size());
		for (Figures.MonthChange change : changes) {
			MonthFigures month = change.figures();
			changed.add(new FiguresChanged(month.id() + "@" + change.version(), month.planId(),
					Set.of(month.unitCode()), month.days().keySet(), this.clock.instant()));
		}
		if (!changed.isEmpty()) {
			this.events.publishEvent(new FiguresWritten(changed));
		}
	}

	/**
	 * Writes, trying again for as long as the store refuses: a batch given up would leave
	 * its cells behind in the read model until they change again, while the counting has
	 * moved on. The writes are whole states, so writing a part of them twice is harmless.
	 * A consumer held here past {@code max.poll.interval.ms} leaves the group, and the
	 * batch, not committed, goes to the next owner.
	 */
	private void untilWritten(Runnable writes) {
		long pause = this.retryPause.toMillis();
		while (true) {
			try {
				writes.run();
				return;
			}
			catch (MongoException ex) {
				this.storeFailures.increment();
				logger.warn("The read model could not be written ({}); trying again in {} ms", ex.getMessage(), pause);
			}
			try {
				Thread.sleep(pause);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted while the read model could not be written", ex);
			}
			pause = Math.min(pause * 2, MAX_RETRY_PAUSE.toMillis());
		}
	}

	private static MonthFigures monthFigures(String unitCode, String planId, String month,
			Map<String, Map<String, Tally>> cells) {
		YearMonth yearMonth = YearMonth.parse(month);
		Map<LocalDate, Map<String, Tally>> days = new TreeMap<>();
		cells.forEach((day, activities) -> days.put(yearMonth.atDay(Integer.parseInt(day)), activities));
		return new MonthFigures(unitCode, planId, yearMonth, days);
	}

}
