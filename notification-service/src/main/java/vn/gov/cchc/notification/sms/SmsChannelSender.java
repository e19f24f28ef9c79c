package vn.gov.cchc.notification.sms;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;

import vn.gov.cchc.notification.reminder.Channel;
import vn.gov.cchc.notification.reminder.ChannelSender;
import vn.gov.cchc.notification.reminder.DeliveryException;
import vn.gov.cchc.notification.reminder.Digest;

/**
 * Sends digests by SMS: composed by the {@link SmsComposer}, handed to the
 * {@link SmsGateway} once per call under the digest's delivery id. Records the segments
 * of every message the provider took in {@code cchc.sms.segments}.
 */
public class SmsChannelSender implements ChannelSender {

	private final SmsComposer composer;

	private final SmsGateway gateway;

	private final DistributionSummary segments;

	public SmsChannelSender(SmsComposer composer, SmsGateway gateway, MeterRegistry meterRegistry) {
		this.composer = composer;
		this.gateway = gateway;
		this.segments = DistributionSummary.builder("cchc.sms.segments")
			.description("SMS segments per message the provider took")
			.baseUnit("segments")
			.register(meterRegistry);
	}

	@Override
	public Channel channel() {
		return Channel.SMS;
	}

	@Override
	public String send(Digest digest) {
		String phone = digest.recipient().phone();
		if (phone == null || phone.isBlank()) {
			throw new DeliveryException("Unit %s has no mobile number".formatted(digest.recipient().unitCode()), true);
		}
		SmsMessage message = this.composer.compose(digest);
		String id = this.gateway.send(digest.deliveryId(), phone, message);
		this.segments.record(message.segments());
		return id;
	}

	@Override
	public Lookup lookup(String deliveryId) {
		return this.gateway.lookup(deliveryId);
	}

}
