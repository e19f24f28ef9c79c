package vn.gov.cchc.notification.reminder;

import java.net.URI;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import vn.gov.cchc.events.PeriodType;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * When reminders go, to whom, and how the dispatcher works.
 *
 * @param zone the zone the rules' times of day are in
 * @param schedules the rules per reporting regime: the key is a period type
 * ({@code MONTH}, {@code QUARTER}, {@code HALF_YEAR}, {@code NINE_MONTHS}, {@code YEAR})
 * or {@code default} for the types without their own list
 * @param quietHours when no SMS goes out
 * @param dashboardUrl the dashboard's address, for the links in the messages
 * @param defaultLanguage the language of the messages ({@code vi} or {@code en})
 * @param languages units that read their messages in another language, by unit code
 * @param dispatch how often and how much the dispatcher sends
 */
@Validated
@ConfigurationProperties("cchc.notification.reminders")
public record ReminderProperties(@DefaultValue("Asia/Ho_Chi_Minh") ZoneId zone,
		@NotEmpty Map<String, List<@Valid Rule>> schedules, @Valid @DefaultValue QuietHours quietHours,
		@DefaultValue("http://localhost:8080/") URI dashboardUrl, @DefaultValue("vi") Locale defaultLanguage,
		Map<String, Locale> languages, @Valid @DefaultValue Dispatch dispatch) {

	static final String DEFAULT_SCHEDULE = "default";

	public ReminderProperties {
		schedules = Map.copyOf(schedules);
		languages = (languages != null) ? Map.copyOf(languages) : Map.of();
		if (!schedules.containsKey(DEFAULT_SCHEDULE)) {
			throw new IllegalArgumentException("cchc.notification.reminders.schedules needs a 'default' list");
		}
		for (String key : schedules.keySet()) {
			if (!key.equals(DEFAULT_SCHEDULE)) {
				PeriodType.valueOf(key);
			}
			List<String> names = schedules.get(key).stream().map(Rule::name).toList();
			if (Set.copyOf(names).size() != names.size()) {
				throw new IllegalArgumentException("Rule names repeat in schedule '" + key + "': " + names);
			}
		}
	}

	/** The rules for reports of this period type. */
	List<Rule> rulesFor(PeriodType periodType) {
		return this.schedules.getOrDefault(periodType.name(), this.schedules.get(DEFAULT_SCHEDULE));
	}

	/** The language the unit reads its messages in. */
	Locale languageOf(String unitCode) {
		return this.languages.getOrDefault(unitCode, this.defaultLanguage);
	}

	/**
	 * One reminder rule.
	 *
	 * @param name the rule's name, part of the at-most-once key: keep it when editing the
	 * rule, or a reminder already sent under the old name can go again
	 * @param offsetDays days from the due date, negative before it
	 * @param at the time of day it goes out
	 * @param channels the channels it goes by
	 * @param escalate whether it goes to the unit above (the escalation unit of the
	 * report) rather than to the unit that owes the report
	 */
	public record Rule(@NotBlank @Pattern(regexp = "[A-Za-z0-9+\\-_.]{1,32}") String name,
			@Min(-60) @Max(60) int offsetDays, @NotNull LocalTime at, @NotEmpty Set<Channel> channels,
			@DefaultValue("false") boolean escalate) {

		public Rule {
			if (channels == null || channels.isEmpty()) {
				throw new IllegalArgumentException("Reminder rule '" + name + "' needs at least one channel");
			}
			// Enum order, so that the reminders of a rule come out the same on every run.
			channels = Collections.unmodifiableSet(EnumSet.copyOf(channels));
		}

		ReminderKind kind() {
			if (this.escalate) {
				return ReminderKind.ESCALATION;
			}
			return (this.offsetDays < 0) ? ReminderKind.BEFORE
					: (this.offsetDays == 0) ? ReminderKind.DUE_TODAY : ReminderKind.OVERDUE;
		}

	}

	/**
	 * Hours in which no SMS goes out; an SMS that falls due then waits for the end. Start
	 * equal to end means no quiet hours.
	 */
	public record QuietHours(@DefaultValue("21:00") LocalTime start, @DefaultValue("07:00") LocalTime end) {

		boolean contains(LocalTime time) {
			if (this.start.equals(this.end)) {
				return false;
			}
			if (this.start.isBefore(this.end)) {
				return !time.isBefore(this.start) && time.isBefore(this.end);
			}
			return !time.isBefore(this.start) || time.isBefore(this.end);
		}

	}

	/**
	 * @param interval how long the dispatcher rests between rounds
	 * @param batchSize reminders one round takes at most; a round that finds more is
	 * followed at once by the next
	 * @param lease how long a delivery stays with the instance that took it before
	 * another instance may take it over (longer than one delivery with all its retries)
	 * @param retryBackoff the first wait before a reminder that neither channel could
	 * take is tried again; it doubles up to {@code maxRetryBackoff}
	 * @param maxRetryBackoff the longest wait between tries
	 * @param unresolvedAfter how long a delivery whose outcome was lost, and that no
	 * provider can confirm, is held before it is left to an operator, who knows whether
	 * the recipient got it: the service neither sends it twice nor drops it on its own
	 */
	public record Dispatch(@DefaultValue("15s") Duration interval, @DefaultValue("2000") @Min(1) int batchSize,
			@DefaultValue("2m") Duration lease, @DefaultValue("1m") Duration retryBackoff,
			@DefaultValue("1h") Duration maxRetryBackoff, @DefaultValue("1h") Duration unresolvedAfter) {

	}

}
