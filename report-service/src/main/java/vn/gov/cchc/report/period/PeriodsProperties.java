package vn.gov.cchc.report.period;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import vn.gov.cchc.events.UnitKind;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the period engine, {@code cchc.report.periods.*}.
 *
 * @param extraHolidays days off on top of the shipped list (a swap decided after release,
 * a local holiday)
 * @param extraWorkingDays make-up Saturdays on top of the shipped list
 * @param levelLeadWorkingDays how many working days before the deadline each level is
 * due, so the level above has time to consolidate; merged over the default
 * {@code COMMUNE: 3} (set {@code commune: 0} to drop it)
 * @param defaultWorkingDaysAfterCutOff due date of a period type the regime sets no
 * deadline for, in working days after the cut-off
 */
@ConfigurationProperties("cchc.report.periods")
public record PeriodsProperties(@DefaultValue List<LocalDate> extraHolidays,
		@DefaultValue List<LocalDate> extraWorkingDays, @DefaultValue Map<UnitKind, Integer> levelLeadWorkingDays,
		@DefaultValue("3") int defaultWorkingDaysAfterCutOff) {

	/**
	 * Communes report this many working days before the district that consolidates them.
	 */
	static final int COMMUNE_LEAD = 3;

	public PeriodsProperties {
		extraHolidays = List.copyOf(extraHolidays);
		extraWorkingDays = List.copyOf(extraWorkingDays);
		Map<UnitKind, Integer> leads = new EnumMap<>(UnitKind.class);
		leads.put(UnitKind.COMMUNE, COMMUNE_LEAD);
		leads.putAll(levelLeadWorkingDays);
		levelLeadWorkingDays = Map.copyOf(leads);
	}

	/**
	 * The defaults: no extra days, communes 3 working days earlier, 3 days after cut-off.
	 */
	public static PeriodsProperties defaults() {
		return new PeriodsProperties(List.of(), List.of(), Map.of(), 3);
	}

}
