package vn.gov.cchc.report.counting;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.gov.cchc.report.figures.Figures;
import vn.gov.cchc.report.figures.FiguresChanged;
import vn.gov.cchc.report.figures.MonthFigures;
import vn.gov.cchc.report.figures.Tally;
import vn.gov.cchc.report.totals.Totals;
import vn.gov.cchc.report.totals.UnitTotals;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Writes the changed documents the counting emits ({@value CountingTopology#DOCUMENTS},
 * read committed, in batches) to the MongoDB read model: a batch is coalesced to the last
 * state of each document and written with one bulk write per collection, so store writes
 * follow the documents changed, never the events. Then, once per figures document,
 * {@link FiguresChanged} tells the live stream and the frozen submissions.
 * <p>
 * Each record is a document's whole state, so a batch written twice (a crash before the
 * consumer's commit) writes the same states again. A record that cannot be read is
 * skipped and counted; it cannot come from this service's own topology.
 */
@Component
public class ReadModelWriter {

	private static final Logger logger = LoggerFactory.getLogger(ReadModelWriter.class);

	private final Figures figures;

	private final Totals totals;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final JsonMapper json = JsonMapper.builder().build();

	private final Counter written;

	private final Counter unreadable;

	public ReadModelWriter(Figures figures, Totals totals, ApplicationEventPublisher events, Clock clock,
			MeterRegistry registry) {
		this.figures = figures;
		this.totals = totals;
		this.events = events;
		this.clock = clock;
		this.written = Counter.builder("cchc.readmodel.written")
			.description("Figures and totals documents written to the read model")
			.register(registry);
		this.unreadable = Counter.builder("cchc.readmodel.unreadable")
			.description("Records of the documents topic that could not be read")
			.register(registry);
	}

	/** Writes one batch of changed documents. */
	public void write(List<byte[]> batch) {
		Map<String, ChangedDocument> newest = new LinkedHashMap<>();
		Map<String, Set<Integer>> changedDays = new TreeMap<>();
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
			String key = document.kind() + ":" + document.id();
			// A document's records are on one partition, in the order it was emitted: the
			// last one is the newest, even across a rebuild that starts versions again.
			newest.remove(key);
			newest.put(key, document);
			changedDays.computeIfAbsent(key, (k) -> new TreeSet<>()).addAll(document.changedDays());
		}
		List<Figures.VersionedMonth> months = new ArrayList<>();
		List<UnitTotals> units = new ArrayList<>();
		for (ChangedDocument document : newest.values()) {
			if (document.kind() == ChangedDocument.Kind.TOTALS) {
				Tally tally = (document.totals() != null) ? document.totals() : Tally.ZERO;
				units.add(new UnitTotals(document.unitCode(), tally.events(), tally.budgetSpentVnd(),
						tally.quantities(), document.version()));
			}
			else {
				months.add(new Figures.VersionedMonth(monthFigures(document), document.version()));
			}
		}
		this.figures.writeAll(months);
		this.totals.writeAll(units);
		this.written.increment(months.size() + units.size());
		for (Figures.VersionedMonth versioned : months) {
			MonthFigures month = versioned.figures();
			List<LocalDate> dates = changedDays.getOrDefault(ChangedDocument.Kind.FIGURES + ":" + month.id(), Set.of())
				.stream()
				.map(month.month()::atDay)
				.toList();
			this.events.publishEvent(new FiguresChanged(month.id() + "@" + versioned.version(), month.planId(),
					Set.of(month.unitCode()), new TreeSet<>(dates), this.clock.instant()));
		}
	}

	private static MonthFigures monthFigures(ChangedDocument document) {
		YearMonth month = YearMonth.parse(document.month());
		Map<LocalDate, Map<String, Tally>> days = new TreeMap<>();
		document.days().forEach((day, activities) -> days.put(month.atDay(Integer.parseInt(day)), activities));
		return new MonthFigures(document.unitCode(), document.planId(), month, days);
	}

}
