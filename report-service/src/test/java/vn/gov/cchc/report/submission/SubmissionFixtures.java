package vn.gov.cchc.report.submission;

import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import vn.gov.cchc.events.DatedUnitTree;
import vn.gov.cchc.events.PlanDetails;
import vn.gov.cchc.events.PlanStatus;
import vn.gov.cchc.events.ProgressRecorded;
import vn.gov.cchc.events.UnitContacts;
import vn.gov.cchc.events.UnitDetails;
import vn.gov.cchc.events.UnitKind;
import vn.gov.cchc.report.figures.Figures;
import vn.gov.cchc.report.figures.FiguresChanged;
import vn.gov.cchc.report.figures.FiguresWritten;
import vn.gov.cchc.report.counting.CountingDriver;
import vn.gov.cchc.report.period.Period;
import vn.gov.cchc.report.period.Periods;
import vn.gov.cchc.report.period.PeriodsProperties;
import vn.gov.cchc.report.period.WorkingCalendar;
import vn.gov.cchc.report.plan.Plans;
import vn.gov.cchc.report.totals.Totals;
import vn.gov.cchc.report.unit.Units;
import vn.gov.cchc.security.Caller;
import vn.gov.cchc.security.Role;
import vn.gov.cchc.testing.MongoTestStore;

/**
 * A small Bắc Ninh: three levels until 30/6/2025 (two districts, three communes), two
 * levels from 1/7/2025 (two merged communes straight under the province), Sở Nội vụ (the
 * receiver) and one other department beside the tree; the demo plan of 2022 and the same
 * plan copied to 2026.
 */
final class SubmissionFixtures {

	static final Instant REGISTERED_AT = Instant.parse("2021-01-02T01:00:00Z");

	static final LocalDate MERGER_EVE = LocalDate.of(2025, 6, 30);

	static final LocalDate MERGER = LocalDate.of(2025, 7, 1);

	static final String PLAN_2022 = "27-2022-22-KH-UBND";

	static final String PLAN_2026 = "27-2026-15-KH-UBND";

	static final List<UnitDetails> TREE = List.of(
			unit("27", "Tỉnh Bắc Ninh", UnitKind.PROVINCE, null, LocalDate.of(1997, 1, 1), null, List.of()),
			unit("27-SNV", "Sở Nội vụ tỉnh Bắc Ninh", UnitKind.DEPARTMENT, "27", LocalDate.of(1997, 1, 1), null,
					List.of()),
			unit("27-STTTT", "Sở Thông tin và Truyền thông tỉnh Bắc Ninh", UnitKind.DEPARTMENT, "27",
					LocalDate.of(2008, 1, 1), null, List.of()),
			unit("256", "Thành phố Bắc Ninh", UnitKind.DISTRICT, "27", LocalDate.of(2006, 1, 26), MERGER_EVE,
					List.of()),
			unit("09190", "Phường Vũ Ninh", UnitKind.COMMUNE, "256", LocalDate.of(2008, 1, 1), MERGER_EVE, List.of()),
			unit("09193", "Phường Đáp Cầu", UnitKind.COMMUNE, "256", LocalDate.of(2008, 1, 1), MERGER_EVE, List.of()),
			unit("258", "Huyện Yên Phong", UnitKind.DISTRICT, "27", LocalDate.of(1999, 8, 9), MERGER_EVE, List.of()),
			unit("09247", "Thị trấn Chờ", UnitKind.COMMUNE, "258", LocalDate.of(1999, 8, 9), MERGER_EVE, List.of()),
			unit("09194", "Phường Kinh Bắc", UnitKind.COMMUNE, "27", MERGER, null, List.of("09190", "09193")),
			unit("09248", "Xã Yên Phong", UnitKind.COMMUNE, "27", MERGER, null, List.of("09247")));

	private SubmissionFixtures() {
	}

	static UnitDetails unit(String code, String name, UnitKind kind, String parentCode, LocalDate validFrom,
			LocalDate validTo, List<String> predecessors) {
		return new UnitDetails(code, name, kind, parentCode, validFrom, validTo,
				new UnitContacts("Văn thư " + code, "vanthu." + code.toLowerCase() + "@bacninh.gov.vn",
						"0912000" + String.format("%03d", Math.abs(code.hashCode()) % 1000)),
				List.of(), predecessors, List.of(), Map.of());
	}

	/** The demo seed plan of 2022, as plan-service would publish it. */
	static PlanDetails plan2022() {
		JsonMapper json = JsonMapper.builder().build();
		ObjectNode body = (ObjectNode) json
			.readTree(Path.of("../deploy/local/demo/plans/27-2022-22-KH-UBND.json").toFile());
		body.put("version", 1);
		body.put("status", PlanStatus.ISSUED.name());
		return json.treeToValue(body, PlanDetails.class);
	}

	/** The same plan for 2026, after the merger. */
	static PlanDetails plan2026() {
		PlanDetails p = plan2022();
		return new PlanDetails(PLAN_2026, 1, PlanStatus.ISSUED, "15/KH-UBND",
				"Tuyên truyền cải cách hành chính năm 2026 trên địa bàn tỉnh Bắc Ninh", p.issuerCode(),
				LocalDate.of(2026, 1, 12), LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), p.basis(),
				p.contentAreas(), p.activities(), p.targets(), p.budgetVnd(), p.budgetNote(), p.reporting());
	}

	static Periods periods() {
		return new Periods(WorkingCalendar.vietnam(List.of(), List.of()), PeriodsProperties.defaults());
	}

	/**
	 * Everything a submission needs, over a fresh database, wired as the service wires
	 * it.
	 */
	record World(MongoDatabase database, MutableClock clock, Units units, Plans plans, Periods periods, Figures figures,
			Submissions submissions, ReportCompiler compiler, SubmissionRounds rounds, SubmissionWorkflow workflow,
			LateFigures lateFigures, ReportingRates rates, CountingDriver counting, List<FiguresChanged> changes,
			SimpleMeterRegistry meters) {

		static World fresh(String prefix, Instant now) {
			MongoDatabase database = MongoTestStore.freshDatabase(prefix);
			MutableClock clock = new MutableClock(now);
			SimpleMeterRegistry meters = new SimpleMeterRegistry();
			Units units = new Units(database);
			TREE.forEach((unit) -> units.record(unit, REGISTERED_AT));
			Plans plans = new Plans(database);
			plans.record(plan2022(), REGISTERED_AT);
			plans.record(plan2026(), REGISTERED_AT);
			Periods periods = SubmissionFixtures.periods();
			Figures figures = new Figures(database);
			Submissions submissions = new Submissions(database);
			ReportCompiler compiler = new ReportCompiler(figures, clock);
			SubmissionRounds rounds = new SubmissionRounds(plans, units, periods, submissions, compiler, meters);
			SubmissionWorkflow workflow = new SubmissionWorkflow(submissions, plans, units, compiler, meters);
			LateFigures lateFigures = new LateFigures(plans, periods, submissions, compiler, meters);
			ReportingRates rates = new ReportingRates(units, periods, submissions, clock);
			List<FiguresChanged> changes = new CopyOnWriteArrayList<>();
			CountingDriver counting = CountingDriver.writingTo(figures, new Totals(database), (event) -> {
				if (event instanceof FiguresWritten written) {
					changes.addAll(written.changes());
					lateFigures.figuresWritten(written);
				}
			}, clock);
			TREE.forEach((unit) -> counting.register(unit, REGISTERED_AT));
			return new World(database, clock, units, plans, periods, figures, submissions, compiler, rounds, workflow,
					lateFigures, rates, counting, changes, meters);
		}

		Period period(String planId, String periodId) {
			PlanDetails plan = this.plans.find(planId).orElseThrow();
			return this.periods.calendar(plan.reporting()).find(periodId).orElseThrow();
		}

		SubmissionRounds.Opening open(String planId, String periodId) {
			return this.rounds.open(this.plans.find(planId).orElseThrow(), period(planId, periodId),
					new Caller("vận hành", "Bộ phận vận hành", "27", Set.of(Role.ADMIN)));
		}

		DatedUnitTree<UnitDetails> tree() {
			return this.units.tree();
		}

		/**
		 * A fact counted by the real counting topology and written to the read model,
		 * which tells the submissions.
		 */
		ProgressRecorded record(String eventId, String unitCode, String planId, String activityId, LocalDate date,
				Map<String, Long> quantities, long budgetSpentVnd) {
			ProgressRecorded fact = new ProgressRecorded(eventId, unitCode, planId, activityId, date, quantities,
					List.of(URI.create("https://bacninh.gov.vn/cchc/" + eventId)), budgetSpentVnd, "Nguyễn Thị Hà",
					this.clock.instant());
			this.counting.record(fact);
			this.counting.flush();
			return fact;
		}

		void drop() {
			this.counting.close();
			this.database.drop();
		}

	}

	/** An officer of the unit, as the token would name them. */
	static Caller officer(String user, String unitCode) {
		return new Caller(user, user, unitCode, Set.of(Role.OFFICER));
	}

	/** A reviewer acting for the unit. */
	static Caller reviewer(String user, String unitCode) {
		return new Caller(user, user, unitCode, Set.of(Role.REVIEWER));
	}

	static String id(String planId, String periodId, String unitCode) {
		return Obligation.submissionId(planId, periodId, unitCode);
	}

}
