package vn.gov.cchc.notification.reminder;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import vn.gov.cchc.events.PeriodType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.tuple;

class ReminderScheduleTests {

	static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

	static final List<ReminderProperties.Rule> DEFAULT_RULES = List.of(rule("D-7", -7, "08:00", Channel.EMAIL),
			rule("D-3", -3, "08:00", Channel.EMAIL, Channel.SMS), rule("D-1", -1, "08:00", Channel.EMAIL, Channel.SMS),
			rule("D0", 0, "08:00", Channel.SMS), rule("D+1", 1, "08:00", Channel.EMAIL),
			new ReminderProperties.Rule("ESC+3", 3, LocalTime.of(8, 0), Set.of(Channel.EMAIL), true));

	static final List<ReminderProperties.Rule> MONTH_RULES = List
		.of(rule("LATE", 0, "22:00", Channel.SMS, Channel.EMAIL));

	private final ReminderSchedule schedule = new ReminderSchedule(properties());

	@Test
	void placesEachRuleAtItsTimeOfDayInVietnamOnePerChannel() {
		Deadline deadline = deadline(PeriodType.QUARTER, LocalDate.of(2026, 7, 9), local("2026-06-20T10:00"));

		List<Reminder> reminders = this.schedule.reminders(deadline, local("2026-06-20T10:00"));

		assertThat(reminders).extracting(Reminder::rule, Reminder::channel, Reminder::sendAt, Reminder::state)
			.containsExactly(tuple("D-7", Channel.EMAIL, local("2026-07-02T08:00"), Reminder.State.SCHEDULED),
					tuple("D-3", Channel.EMAIL, local("2026-07-06T08:00"), Reminder.State.SCHEDULED),
					tuple("D-3", Channel.SMS, local("2026-07-06T08:00"), Reminder.State.SCHEDULED),
					tuple("D-1", Channel.EMAIL, local("2026-07-08T08:00"), Reminder.State.SCHEDULED),
					tuple("D-1", Channel.SMS, local("2026-07-08T08:00"), Reminder.State.SCHEDULED),
					tuple("D0", Channel.SMS, local("2026-07-09T08:00"), Reminder.State.SCHEDULED),
					tuple("D+1", Channel.EMAIL, local("2026-07-10T08:00"), Reminder.State.SCHEDULED),
					tuple("ESC+3", Channel.EMAIL, local("2026-07-12T08:00"), Reminder.State.SCHEDULED));
		assertThat(local("2026-07-02T08:00")).isEqualTo(Instant.parse("2026-07-02T01:00:00Z"));
		assertThat(reminders).extracting(Reminder::id).first().isEqualTo("P1:2026-Q2:30001|D-7|EMAIL");
	}

	@Test
	void sendsTheUnitsRemindersToItAndTheEscalationToTheUnitAbove() {
		Deadline deadline = deadline(PeriodType.QUARTER, LocalDate.of(2026, 7, 9), local("2026-06-20T10:00"));

		List<Reminder> reminders = this.schedule.reminders(deadline, local("2026-06-20T10:00"));

		assertThat(reminders).filteredOn((reminder) -> !reminder.rule().equals("ESC+3"))
			.extracting(Reminder::recipientUnitCode)
			.containsOnly("30001");
		assertThat(reminders).filteredOn((reminder) -> reminder.rule().equals("ESC+3"))
			.extracting(Reminder::recipientUnitCode, Reminder::kind)
			.containsExactly(tuple("256", ReminderKind.ESCALATION));
		assertThat(reminders).extracting(Reminder::rule, Reminder::kind)
			.contains(tuple("D-7", ReminderKind.BEFORE), tuple("D0", ReminderKind.DUE_TODAY),
					tuple("D+1", ReminderKind.OVERDUE));
	}

	@Test
	void escalatesToTheReceiverWhenTheReportNamesNoEscalationUnitAndNotAtAllAtTheTop() {
		Deadline toReceiver = new Deadline("P1:2026-Q2:256", "256", "P1", "2026-Q2", PeriodType.QUARTER,
				LocalDate.of(2026, 7, 14), "27.SNV", null, true, local("2026-06-20T10:00"), List.of(), 0);
		Deadline atTheTop = new Deadline("P1:2026-Q2:27", "27", "P1", "2026-Q2", PeriodType.QUARTER,
				LocalDate.of(2026, 7, 14), null, null, true, local("2026-06-20T10:00"), List.of(), 0);

		assertThat(this.schedule.reminders(toReceiver, local("2026-06-20T10:00")))
			.filteredOn((reminder) -> reminder.kind() == ReminderKind.ESCALATION)
			.extracting(Reminder::recipientUnitCode)
			.containsExactly("27.SNV");
		assertThat(this.schedule.reminders(atTheTop, local("2026-06-20T10:00")))
			.noneMatch((reminder) -> reminder.kind() == ReminderKind.ESCALATION);
	}

	@Test
	void anSmsDueAtTenInTheEveningWaitsForSevenTheNextMorningWhileTheEmailGoesAtOnce() {
		Deadline deadline = deadline(PeriodType.MONTH, LocalDate.of(2026, 6, 5), local("2026-06-01T10:00"));

		List<Reminder> reminders = this.schedule.reminders(deadline, local("2026-06-01T10:00"));

		assertThat(reminders).extracting(Reminder::channel, Reminder::dueAt, Reminder::sendAt)
			.containsExactlyInAnyOrder(tuple(Channel.SMS, local("2026-06-05T22:00"), local("2026-06-06T07:00")),
					tuple(Channel.EMAIL, local("2026-06-05T22:00"), local("2026-06-05T22:00")));
	}

	@Test
	void quietHoursCoverTheNightAcrossMidnightAndNothingElse() {
		assertThat(this.schedule.outOfQuietHours(local("2026-06-05T20:59"))).isEqualTo(local("2026-06-05T20:59"));
		assertThat(this.schedule.outOfQuietHours(local("2026-06-05T21:00"))).isEqualTo(local("2026-06-06T07:00"));
		assertThat(this.schedule.outOfQuietHours(local("2026-06-06T03:30"))).isEqualTo(local("2026-06-06T07:00"));
		assertThat(this.schedule.outOfQuietHours(local("2026-06-06T07:00"))).isEqualTo(local("2026-06-06T07:00"));
		assertThat(this.schedule.quiet(local("2026-06-05T22:30"))).isTrue();
		assertThat(this.schedule.quiet(local("2026-06-06T07:00"))).isFalse();
		ReminderProperties.QuietHours none = new ReminderProperties.QuietHours(LocalTime.of(7, 0), LocalTime.of(7, 0));
		assertThat(none.contains(LocalTime.of(23, 0))).isFalse();
	}

	@Test
	void aReportLearnedLateGetsOnlyTheLatestRuleWhoseTimeHasPassed() {
		// report-service opens the round at the cut-off: the report becomes known two
		// days
		// before it is due, after the D-7 and D-3 times.
		Deadline deadline = deadline(PeriodType.QUARTER, LocalDate.of(2026, 7, 9), local("2026-07-07T09:30"));

		List<Reminder> reminders = this.schedule.reminders(deadline, local("2026-07-07T09:30"));

		assertThat(reminders).extracting(Reminder::rule, Reminder::channel, Reminder::state)
			.startsWith(tuple("D-7", Channel.EMAIL, Reminder.State.SKIPPED),
					tuple("D-3", Channel.EMAIL, Reminder.State.SCHEDULED),
					tuple("D-3", Channel.SMS, Reminder.State.SCHEDULED),
					tuple("D-1", Channel.EMAIL, Reminder.State.SCHEDULED));
	}

	@Test
	void makesNoRemindersBeforeTheDueDateIsKnown() {
		Deadline submittedFirst = new Deadline("P1:2026-Q2:30001", "30001", "P1", "2026-Q2", PeriodType.QUARTER, null,
				null, null, false, local("2026-07-01T10:00"), List.of("e1"), 1);

		assertThat(this.schedule.reminders(submittedFirst, local("2026-07-01T10:00"))).isEmpty();
	}

	@Test
	void refusesRuleListsWithoutADefaultOrWithRepeatedNames() {
		assertThatIllegalArgumentException().isThrownBy(() -> properties(Map.of("QUARTER", DEFAULT_RULES)))
			.withMessageContaining("'default'");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> properties(Map.of("default",
					List.of(rule("D-1", -1, "08:00", Channel.SMS), rule("D-1", -2, "08:00", Channel.SMS)))))
			.withMessageContaining("repeat");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> properties(Map.of("default", DEFAULT_RULES, "WEEK", DEFAULT_RULES)));
	}

	static ReminderProperties properties() {
		return properties(Map.of("default", DEFAULT_RULES, "MONTH", MONTH_RULES));
	}

	static ReminderProperties properties(Map<String, List<ReminderProperties.Rule>> schedules) {
		return new ReminderProperties(VIETNAM, schedules,
				new ReminderProperties.QuietHours(LocalTime.of(21, 0), LocalTime.of(7, 0)),
				URI.create("http://localhost:8080/"), Locale.forLanguageTag("vi"), Map.of(),
				new ReminderProperties.Dispatch(Duration.ofSeconds(15), 500, Duration.ofMinutes(2),
						Duration.ofMinutes(1), Duration.ofHours(1), Duration.ofHours(1)));
	}

	static ReminderProperties.Rule rule(String name, int offsetDays, String at, Channel... channels) {
		return new ReminderProperties.Rule(name, offsetDays, LocalTime.parse(at), Set.of(channels), false);
	}

	static Deadline deadline(PeriodType type, LocalDate due, Instant learnedAt) {
		return new Deadline("P1:2026-Q2:30001", "30001", "P1", "2026-Q2", type, due, "256", "256", true, learnedAt,
				List.of("e1"), 1);
	}

	static Instant local(String dateTime) {
		return LocalDateTime.parse(dateTime).atZone(VIETNAM).toInstant();
	}

}
