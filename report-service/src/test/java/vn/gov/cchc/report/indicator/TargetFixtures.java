package vn.gov.cchc.report.indicator;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import com.mongodb.client.MongoDatabase;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import vn.gov.cchc.events.PlanDetails;
import vn.gov.cchc.events.PlanStatus;
import vn.gov.cchc.events.UnitDetails;
import vn.gov.cchc.report.figures.Figures;
import vn.gov.cchc.report.figures.FiguresFixtures;
import vn.gov.cchc.report.period.Periods;
import vn.gov.cchc.report.period.PeriodsProperties;
import vn.gov.cchc.report.period.ReportingCalendar;
import vn.gov.cchc.report.period.WorkingCalendar;
import vn.gov.cchc.report.plan.Plans;
import vn.gov.cchc.report.unit.Units;
import vn.gov.cchc.testing.MongoTestStore;

/**
 * A fresh store holding the 101 demo units and the seed plans, and facts written into the
 * figures the way the counting writes them: one document per unit of the fact's roll-up
 * path on its date.
 */
final class TargetFixtures {

	static final Path DEMO = Path.of("../deploy/local/demo");

	static final String BAC_NINH = "27-2022-22-KH-UBND";

	static final String BINH_SON = "524-2022-2025-CCHC";

	static final String NINH_THUAN = "58-VP-2023-CCHC";

	private static final JsonMapper JSON = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	private static final Instant REGISTERED_AT = Instant.parse("2021-01-01T00:00:00Z");

	private TargetFixtures() {
	}

	/** The demo units as their registrations carry them. */
	static List<UnitDetails> demoUnits() {
		return List.of(JSON.readValue(DEMO.resolve("units.json").toFile(), UnitDetails[].class));
	}

	/** A seed plan as issued (the seed is the body a client sends). */
	static PlanDetails plan(String planId) {
		ObjectNode body = (ObjectNode) JSON.readTree(DEMO.resolve("plans/" + planId + ".json").toFile());
		body.put("version", 1);
		body.put("status", PlanStatus.ISSUED.name());
		return JSON.treeToValue(body, PlanDetails.class);
	}

	static Periods periods() {
		return new Periods(WorkingCalendar.vietnam(List.of(), List.of()), PeriodsProperties.defaults());
	}

	static ReportingCalendar calendar(PlanDetails plan) {
		return periods().calendar(plan.reporting());
	}

	/** A clock standing at the start of the day in Vietnam. */
	static Clock on(LocalDate day) {
		return Clock.fixed(day.atStartOfDay(TargetEvaluator.ZONE).toInstant(), TargetEvaluator.ZONE);
	}

	/**
	 * A fresh database with the demo units and the three seed plans.
	 */
	record Store(MongoDatabase database, Units units, Plans plans, Figures figures, Indexes indexes,
			AtomicLong offsets) {

		static Store fresh(String prefix) {
			MongoDatabase database = MongoTestStore.freshDatabase(prefix);
			Units units = new Units(database);
			demoUnits().forEach((unit) -> units.record(unit, REGISTERED_AT));
			Plans plans = new Plans(database);
			for (String planId : List.of(BAC_NINH, BINH_SON, NINH_THUAN)) {
				plans.record(plan(planId), REGISTERED_AT);
			}
			return new Store(database, units, plans, new Figures(database), new Indexes(database), new AtomicLong());
		}

		TargetEvaluator evaluator(Clock clock) {
			return new TargetEvaluator(this.units, this.figures, this.indexes, clock);
		}

		/** One fact of the unit, rolled up on the tree of its date. */
		void fact(String unitCode, String planId, String activityId, LocalDate date, Map<String, Long> quantities) {
			FiguresFixtures.fact(this.figures, this.units, this.offsets, unitCode, planId, activityId, date,
					quantities);
		}

	}

}
