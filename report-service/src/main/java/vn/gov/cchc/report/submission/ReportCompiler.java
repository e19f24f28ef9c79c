package vn.gov.cchc.report.submission;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import vn.gov.cchc.events.PlanDetails;
import vn.gov.cchc.report.figures.Figures;

import org.springframework.stereotype.Component;

/**
 * Compiles a unit's figures for a period from {@link Figures}, which already roll each
 * fact up the tree as it was on the fact's date, and tells today's date in Vietnam.
 */
@Component
class ReportCompiler {

	/** Due dates and the cut-off are days in Vietnam. */
	static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

	private final Figures figures;

	private final Clock clock;

	ReportCompiler(Figures figures, Clock clock) {
		this.figures = figures;
		this.clock = clock;
	}

	CompiledFigures compile(PlanDetails plan, String unitCode, LocalDate start, LocalDate end) {
		return CompiledFigures.of(plan, this.figures.byActivity(unitCode, plan.planId(), start, end),
				this.clock.instant());
	}

	Clock clock() {
		return this.clock;
	}

	LocalDate today() {
		return LocalDate.ofInstant(this.clock.instant(), VIETNAM);
	}

}
