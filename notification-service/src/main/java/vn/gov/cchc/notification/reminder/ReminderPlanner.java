package vn.gov.cchc.notification.reminder;

import java.time.Clock;
import java.time.Instant;

import org.springframework.stereotype.Component;

/**
 * Keeps a deadline's reminders in step with it: planned when it is due (see
 * {@link ReminderSchedule}), cancelled when the report is in, waiting again when it is
 * returned.
 */
@Component
class ReminderPlanner {

	private final Reminders reminders;

	private final ReminderSchedule schedule;

	private final Clock clock;

	ReminderPlanner(Reminders reminders, ReminderSchedule schedule, Clock clock) {
		this.reminders = reminders;
		this.schedule = schedule;
		this.clock = clock;
	}

	void plan(Deadline deadline) {
		Instant now = this.clock.instant();
		if (!deadline.open()) {
			this.reminders.cancelWaiting(deadline.submissionId(), now);
			return;
		}
		for (Reminder reminder : this.schedule.reminders(deadline, now)) {
			this.reminders.plan(reminder, now);
		}
	}

}
