package vn.gov.cchc.notification.sms;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import vn.gov.cchc.events.PeriodType;
import vn.gov.cchc.notification.reminder.Channel;
import vn.gov.cchc.notification.reminder.ChannelSender.Lookup;
import vn.gov.cchc.notification.reminder.DeliveryException;
import vn.gov.cchc.notification.reminder.Digest;
import vn.gov.cchc.notification.reminder.DigestItem;
import vn.gov.cchc.notification.reminder.Recipient;
import vn.gov.cchc.notification.reminder.ReminderKind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SmsChannelSenderTests {

	private final RecordingGateway gateway = new RecordingGateway();

	private final SimpleMeterRegistry meterRegistry = new SimpleMeterRegistry();

	private final SmsChannelSender sender = new SmsChannelSender(new SmsComposer(false, 2), this.gateway,
			this.meterRegistry);

	@Test
	void servesTheSmsChannel() {
		assertThat(this.sender.channel()).isEqualTo(Channel.SMS);
	}

	@Test
	void sendsTheComposedTextOnceUnderTheDeliveryIdAndRecordsItsSegments() {
		String id = this.sender.send(digest("0912 345 678"));

		assertThat(id).isEqualTo("msg-1");
		assertThat(this.gateway.sent).singleElement().satisfies((sent) -> {
			assertThat(sent.reference()).isEqualTo("dlv-42");
			assertThat(sent.phone()).isEqualTo("0912 345 678");
			assertThat(sent.message().text()).isEqualTo(
					"CCHC: Xa Hoa Long con 3 ngay nop bao cao 2026-Q2 (han 09/07/2026). Chi tiet: https://cchc.bacninh.gov.vn/u/09319");
		});
		DistributionSummary segments = this.meterRegistry.get("cchc.sms.segments").summary();
		assertThat(segments.count()).isEqualTo(1);
		assertThat(segments.totalAmount()).isEqualTo(1.0);
	}

	@Test
	void aRecipientWithoutAMobileNumberFailsPermanentlyWithoutSending() {
		assertThatExceptionOfType(DeliveryException.class).isThrownBy(() -> this.sender.send(digest(null)))
			.satisfies((failure) -> assertThat(failure.permanent()).isTrue())
			.withMessageContaining("09319");
		assertThatExceptionOfType(DeliveryException.class).isThrownBy(() -> this.sender.send(digest("  ")))
			.satisfies((failure) -> assertThat(failure.permanent()).isTrue());
		assertThat(this.gateway.sent).isEmpty();
	}

	@Test
	void aFailedSendIsPassedOnAndNotCounted() {
		this.gateway.failure = new DeliveryException("The SMS provider answered 503 to message dlv-42", false);

		assertThatExceptionOfType(DeliveryException.class).isThrownBy(() -> this.sender.send(digest("0912345678")))
			.isSameAs(this.gateway.failure);
		assertThat(this.meterRegistry.get("cchc.sms.segments").summary().count()).isZero();
	}

	@Test
	void aLookupAsksTheGatewayByTheDeliveryId() {
		this.gateway.lookup = Lookup.FOUND;

		assertThat(this.sender.lookup("dlv-42")).isEqualTo(Lookup.FOUND);
		assertThat(this.gateway.lookedUp).containsExactly("dlv-42");
	}

	private static Digest digest(@Nullable String phone) {
		Recipient recipient = new Recipient("09319", "Xã Hòa Long", null, "vanphong@hoalong.gov.vn", phone);
		DigestItem item = new DigestItem("plan-1:2026-Q2:09319", "09319", "Xã Hòa Long", "plan-1", "2026-Q2",
				PeriodType.QUARTER, LocalDate.parse("2026-07-09"), ReminderKind.BEFORE, 3,
				URI.create("https://cchc.bacninh.gov.vn/r/09319"));
		return new Digest("dlv-42", Channel.SMS, recipient, Locale.forLanguageTag("vi"), List.of(item),
				Instant.parse("2026-07-06T01:00:00Z"), URI.create("https://cchc.bacninh.gov.vn/u/09319"));
	}

	private record Sent(String reference, String phone, SmsMessage message) {
	}

	private static final class RecordingGateway implements SmsGateway {

		private final List<Sent> sent = new ArrayList<>();

		private final List<String> lookedUp = new ArrayList<>();

		private @Nullable DeliveryException failure;

		private Lookup lookup = Lookup.UNKNOWN;

		@Override
		public String send(String reference, String phone, SmsMessage message) {
			if (this.failure != null) {
				throw this.failure;
			}
			this.sent.add(new Sent(reference, phone, message));
			return "msg-" + this.sent.size();
		}

		@Override
		public Lookup lookup(String reference) {
			this.lookedUp.add(reference);
			return this.lookup;
		}

	}

}
