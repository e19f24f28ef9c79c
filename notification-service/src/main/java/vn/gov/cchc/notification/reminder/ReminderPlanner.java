package vn.gov.cchc.notification.reminder;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

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

	/**
	 * Keeps these deadlines' reminders in step with them, as if each event of the batch
	 * had been planned for on its own: an open report has its reminders planned, the new
	 * ones in one insert for all the deadlines, the rest (planned before) brought up to
	 * date one at a time (see {@link Reminders#planAll}); a report that is in has the
	 * ones still waiting cancelled, after they are planned if the batch had opened it on
	 * the way (due, or returned, then in), so that its schedule shows them cancelled.
	 * @param openedInBatch the reports that a due or returned event of the batch opened
	 */
	void planAll(List<Deadline> deadlines, Set<String> openedInBatch) {
		Instant now = this.clock.instant();
		List<Reminder> planned = new ArrayList<>();
		List<String> closed = new ArrayList<>();
		for (Deadline deadline : deadlines) {
			if (deadline.open()) {
				planned.addAll(this.schedule.reminders(deadline, now));
				continue;
			}
			if (openedInBatch.contains(deadline.submissionId())) {
				planned.addAll(this.schedule.reminders(opened(deadline), now));
			}
			closed.add(deadline.submissionId());
		}
		this.reminders.planAll(planned, now);
		closed.forEach((submissionId) -> this.reminders.cancelWaiting(submissionId, now));
	}

	private static Deadline opened(Deadline deadline) {
		return new Deadline(deadline.submissionId(), deadline.unitCode(), deadline.planId(), deadline.periodId(),
				deadline.periodType(), deadline.dueDate(), deadline.receiverUnitCode(), deadline.escalationUnitCode(),
				true, deadline.learnedAt(), deadline.appliedEvents(), deadline.version());
	}

}
