package vn.gov.cchc.notification.reminder;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import vn.gov.cchc.events.PeriodType;
import vn.gov.cchc.events.Topics;
import vn.gov.cchc.events.UnitKind;
import vn.gov.cchc.testing.MongoTestStore;
import vn.gov.cchc.testing.ServiceProcess;

import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.condition.EmbeddedKafkaCondition;
import org.springframework.kafka.test.context.EmbeddedKafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Invariant 6 with a real process killed by SIGKILL in the middle of sending the
 * reminders of 1,000 units by email and SMS, then started again on the same database:
 * every unit gets its reminder exactly once on each channel, counted where it arrives
 * (GreenMail's mailboxes, the requests the SMS gateway took).
 */
@EmbeddedKafka(partitions = 3,
		topics = { Topics.UNITS, Topics.SUBMISSIONS, "cchc.units.dlq", "cchc.submissions.dlq", Topics.NOTIFICATIONS })
class ReminderKillIntegrationTests {

	private static final String MAIN_CLASS = "vn.gov.cchc.notification.NotificationServiceApplication";

	private static final int UNITS = 1000;

	private static final String DOMAIN = "kill.test";

	private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

	@Test
	void everyReminderOfAThousandUnitsArrivesExactlyOnceOnEachChannelAfterAKillInTheMiddleOfSending() throws Exception {
		EmbeddedKafkaBroker broker = EmbeddedKafkaCondition.getBroker();
		String brokers = broker.getBrokersAsString();
		String database = "cchc-notification-kill-" + UUID.randomUUID();
		LocalDate due = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).plusDays(7);
		try (Providers providers = new Providers();
				ReminderFixtures publish = new ReminderFixtures(brokers);
				MongoClient client = MongoClients.create(MongoTestStore.connectionString())) {
			MongoDatabase store = client.getDatabase(database);
			SmsProvider sms = providers.sms;
			for (int i = 0; i < UNITS; i++) {
				publish.unit(code(i), "Xã Kiểm Thử " + i, UnitKind.COMMUNE, "256", "u" + i + "@" + DOMAIN, phone(i));
			}
			ServiceProcess first = start("notification-kill-a", database, brokers, providers);
			ServiceProcess second = null;
			try {
				first.awaitReady(START_TIMEOUT);
				await().atMost(Duration.ofMinutes(2))
					.until(() -> store.getCollection("contacts").countDocuments() == UNITS);
				for (int i = 0; i < UNITS; i++) {
					publish.due("KH-KILL", "2026-Q4", PeriodType.QUARTER, code(i), due, "256");
				}

				// Kill it in the middle of the batch.
				await().atMost(Duration.ofMinutes(3))
					.pollInterval(Duration.ofMillis(20))
					.until(() -> providers.emailsTo(DOMAIN).size() >= UNITS / 4);
				first.kill();
				assertThat(first.exitValue()).as("killed by SIGKILL").isEqualTo(137);
				int emailsAtKill = providers.emailsTo(DOMAIN).size();
				int smsAtKill = sms.taken().size();
				assertThat(emailsAtKill + smsAtKill).as("killed mid-batch").isLessThan(2 * UNITS);
				long unfinished = store.getCollection("deliveries")
					.countDocuments(Filters.in("state", "PREPARING", "SENDING"));

				second = start("notification-kill-b", database, brokers, providers);
				second.awaitReady(START_TIMEOUT);
				await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
					assertThat(providers.emailsTo(DOMAIN)).hasSize(UNITS);
					assertThat(sms.taken()).hasSize(UNITS);
				});
				// The provider has a message a moment before the service records it (and
				// a
				// delivery in doubt only after its lease): every reminder and delivery
				// ends SENT.
				await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
					assertThat(store.getCollection("reminders").countDocuments(Filters.eq("state", "SENT")))
						.isEqualTo(2L * UNITS);
					assertThat(store.getCollection("deliveries").countDocuments(Filters.eq("state", "SENT")))
						.isEqualTo(2L * UNITS);
				});
				// A few more rounds: nothing else may arrive.
				Thread.sleep(3000);

				Map<String, Long> emailsPerAddress = providers.emailsTo(DOMAIN)
					.stream()
					.collect(Collectors.groupingBy(ReminderKillIntegrationTests::recipient, Collectors.counting()));
				assertThat(emailsPerAddress).hasSize(UNITS).allSatisfy((address, count) -> assertThat(count).isOne());
				Map<String, Long> smsPerPhone = sms.taken()
					.stream()
					.collect(Collectors.groupingBy(SmsProvider.Taken::to, Collectors.counting()));
				assertThat(smsPerPhone).hasSize(UNITS).allSatisfy((phone, count) -> assertThat(count).isOne());
				String metrics = second.send("GET", "/actuator/prometheus", null).body();
				System.out.printf("kill test: at the kill %d emails, %d SMS, %d deliveries unfinished; after: %s%n",
						emailsAtKill, smsAtKill, unfinished, inDoubtLines(metrics));
			}
			finally {
				first.kill();
				if (second != null) {
					second.stop();
				}
				store.drop();
			}
		}
	}

	private static ServiceProcess start(String name, String database, String brokers, Providers providers)
			throws Exception {
		List<String> arguments = new ArrayList<>(providers.arguments());
		arguments.addAll(List.of(
				// One rule whose time (midnight, seven days before) has just passed:
				// everything goes at once.
				"--cchc.notification.reminders.schedules.default[0].name=D-7",
				"--cchc.notification.reminders.schedules.default[0].offset-days=-7",
				"--cchc.notification.reminders.schedules.default[0].at=00:00",
				"--cchc.notification.reminders.schedules.default[0].channels=EMAIL,SMS",
				"--cchc.notification.reminders.quiet-hours.start=00:00",
				"--cchc.notification.reminders.quiet-hours.end=00:00",
				"--cchc.notification.reminders.dispatch.interval=200ms",
				"--cchc.notification.reminders.dispatch.lease=5s",
				"--cchc.notification.reminders.dispatch.retry-backoff=2s",
				"--cchc.notification.resilience.email.rate-limiter.limit-for-period=10000",
				"--cchc.notification.resilience.sms.rate-limiter.limit-for-period=10000"));
		return ServiceProcess.start(name, MAIN_CLASS, Map.of("MONGODB_URI", MongoTestStore.connectionString(),
				"MONGODB_DATABASE", database, "KAFKA_BOOTSTRAP_SERVERS", brokers), arguments);
	}

	private static String code(int i) {
		return Integer.toString(40000 + i);
	}

	private static String phone(int i) {
		return "09130%05d".formatted(i);
	}

	private static String recipient(MimeMessage message) {
		try {
			Address[] to = message.getRecipients(Message.RecipientType.TO);
			return ((InternetAddress) to[0]).getAddress();
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String inDoubtLines(String metrics) {
		return metrics.lines()
			.filter((line) -> line.startsWith("cchc_reminders_in_doubt_total"))
			.collect(Collectors.joining("; "));
	}

}
