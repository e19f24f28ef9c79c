package vn.gov.cchc.report.submission;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import vn.gov.cchc.events.DatedUnitTree;
import vn.gov.cchc.events.PlanDetails;
import vn.gov.cchc.events.UnitDetails;
import vn.gov.cchc.report.period.Period;
import vn.gov.cchc.report.period.ReportingCalendar;

/**
 * Who owes which report. For a plan and one of its reported periods: every unit valid on
 * the period's end day in the issuer's subtree of that day, except the regime's receiver,
 * which consolidates for the issuer. Each sends to its parent of that day, and a unit
 * whose parent is the issuer sends to the receiver instead (Sở Nội vụ consolidates for
 * UBND tỉnh). So a commune reports to its district in 2022 and to Sở Nội vụ in 2026, and
 * the expected count of a period can never include a unit that did not exist then: a
 * reporting rate is never above 100%.
 */
final class Obligations {

	private Obligations() {
	}

	/** The reports owed for the plan's period, parents before children. */
	static List<Obligation> owed(PlanDetails plan, Period period, DatedUnitTree<UnitDetails> tree,
			ReportingCalendar calendar) {
		LocalDate end = period.end();
		String issuer = plan.issuerCode();
		String receiver = plan.reporting().receiverUnitCode();
		List<Obligation> owed = new ArrayList<>();
		for (UnitDetails unit : tree.descendantsOn(issuer, end)) {
			if (unit.code().equals(receiver)) {
				continue;
			}
			String parent = unit.parentOn(end);
			String receiving = (parent == null || parent.equals(issuer)) ? receiver : parent;
			owed.add(new Obligation(plan.planId(), period, unit, receiving, receiving,
					calendar.dueDate(period, unit.kind())));
		}
		return owed;
	}

	/**
	 * The periods the plan asks reports for: the regime's reported periods of every year
	 * the plan covers whose window meets the plan's days, in order of their end.
	 */
	static List<Period> reportedPeriods(PlanDetails plan, ReportingCalendar calendar) {
		List<Period> periods = new ArrayList<>();
		for (int year = plan.from().getYear(); year <= plan.to().getYear(); year++) {
			for (Period period : calendar.reportedPeriods(year)) {
				if (!period.end().isBefore(plan.from()) && !period.start().isAfter(plan.to())) {
					periods.add(period);
				}
			}
		}
		periods.sort((a, b) -> a.end().compareTo(b.end()));
		return periods;
	}

	/** The unit and every unit below it on the day. */
	static Set<String> subtree(DatedUnitTree<UnitDetails> tree, String unitCode, LocalDate day) {
		Set<String> codes = new HashSet<>();
		codes.add(unitCode);
		tree.descendantsOn(unitCode, day).forEach((unit) -> codes.add(unit.code()));
		return codes;
	}

}
