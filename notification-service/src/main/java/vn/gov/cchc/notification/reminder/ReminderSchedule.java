package vn.gov.cchc.notification.reminder;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * The reminders the rules make of a deadline: one per rule and channel, at the rule's
 * time of day in the configured zone, an SMS moved out of the quiet hours.
 * <p>
 * A report can become known after some of its rules' times (report-service opens a round
 * when the cut-off passes, often days before the due date, and a service may start late).
 * Of the rules whose time had passed by then, only the latest goes out, at once: "seven
 * days left" a few days late would be wrong, and three messages in a row for one report
 * are noise. Reminders that were planned in time and fell due while this service was down
 * all go when it is back, in one digest.
 */
@Component
class ReminderSchedule {

	private final ReminderProperties properties;

	ReminderSchedule(ReminderProperties properties) {
		this.properties = properties;
	}

	/** The reminders the rules make of this deadline, in rule order. */
	List<Reminder> reminders(Deadline deadline, Instant now) {
		LocalDate dueDate = deadline.dueDate();
		if (dueDate == null) {
			return List.of();
		}
		List<ReminderProperties.Rule> rules = this.properties.rulesFor(deadline.periodType());
		Optional<Instant> lastPassedToUnit = lastPassed(rules, dueDate, deadline.learnedAt(), false);
		Optional<Instant> lastPassedUp = lastPassed(rules, dueDate, deadline.learnedAt(), true);
		List<Reminder> planned = new ArrayList<>();
		for (ReminderProperties.Rule rule : rules) {
			String recipient = rule.escalate() ? deadline.escalationTarget() : deadline.unitCode();
			if (recipient == null) {
				// Nobody above the unit to escalate to.
				continue;
			}
			Instant dueAt = timeOf(rule, dueDate);
			Optional<Instant> lastPassed = rule.escalate() ? lastPassedUp : lastPassedToUnit;
			boolean superseded = !dueAt.isAfter(deadline.learnedAt()) && lastPassed.filter(dueAt::equals).isEmpty();
			for (Channel channel : rule.channels()) {
				Instant sendAt = (channel == Channel.SMS) ? outOfQuietHours(dueAt) : dueAt;
				planned.add(new Reminder(Reminder.id(deadline.submissionId(), rule.name(), channel),
						deadline.submissionId(), deadline.unitCode(), deadline.planId(), deadline.periodId(),
						deadline.periodType(), dueDate, rule.name(), rule.kind(), channel, recipient, dueAt, sendAt,
						superseded ? Reminder.State.SKIPPED : Reminder.State.SCHEDULED, null, null, 0, null, false,
						now));
			}
		}
		return planned;
	}

	private Optional<Instant> lastPassed(List<ReminderProperties.Rule> rules, LocalDate dueDate, Instant learnedAt,
			boolean escalations) {
		return rules.stream()
			.filter((rule) -> rule.escalate() == escalations)
			.map((rule) -> timeOf(rule, dueDate))
			.filter((time) -> !time.isAfter(learnedAt))
			.max(Instant::compareTo);
	}

	private Instant timeOf(ReminderProperties.Rule rule, LocalDate dueDate) {
		return dueDate.plusDays(rule.offsetDays()).atTime(rule.at()).atZone(this.properties.zone()).toInstant();
	}

	/** Whether no SMS may go at this instant. */
	boolean quiet(Instant time) {
		return this.properties.quietHours().contains(time.atZone(this.properties.zone()).toLocalTime());
	}

	/** The instant itself, or the end of the quiet hours it falls in. */
	Instant outOfQuietHours(Instant time) {
		if (!quiet(time)) {
			return time;
		}
		ZonedDateTime local = time.atZone(this.properties.zone());
		ZonedDateTime end = local.with(this.properties.quietHours().end());
		if (!end.isAfter(local)) {
			end = end.plusDays(1);
		}
		return end.toInstant();
	}

}
