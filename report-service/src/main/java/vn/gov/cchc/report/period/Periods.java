package vn.gov.cchc.report.period;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import vn.gov.cchc.events.PlanDetails.ReportingRegime;

import org.springframework.stereotype.Component;

/**
 * The reporting calendar of any plan's regime. Plans share a handful of regimes (most
 * copy their parent's), so calendars are kept per regime value and built once.
 */
@Component
public class Periods {

	private final WorkingCalendar workingDays;

	private final PeriodsProperties properties;

	private final Map<ReportingRegime, ReportingCalendar> calendars = new ConcurrentHashMap<>();

	public Periods(WorkingCalendar workingDays, PeriodsProperties properties) {
		this.workingDays = workingDays;
		this.properties = properties;
	}

	/**
	 * The calendar of the regime.
	 * @throws IllegalArgumentException if the regime's deadlines are ambiguous or leave a
	 * window empty (see {@link ReportingCalendar})
	 */
	public ReportingCalendar calendar(ReportingRegime regime) {
		return this.calendars.computeIfAbsent(regime, (key) -> new ReportingCalendar(key, this.workingDays,
				this.properties.levelLeadWorkingDays(), this.properties.defaultWorkingDaysAfterCutOff()));
	}

	/** The working days due dates are counted in. */
	public WorkingCalendar workingDays() {
		return this.workingDays;
	}

}
