package vn.gov.cchc.plan.cloudevent;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import vn.gov.cchc.events.CloudEvent;
import vn.gov.cchc.messaging.CloudEventJson;

import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.MessagingException;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;
import org.springframework.util.MimeTypeUtils;

/**
 * Sends CloudEvents through output bindings. The bindings are declared {@code sync}, so
 * {@link #publish} returns only once the broker has acknowledged the record (with
 * {@code acks=all}), and the producer's delivery timeout bounds how long that takes when
 * the broker is away.
 */
@Component
public class CloudEventPublisher {

	private final StreamBridge streamBridge;

	private final CloudEventJson json;

	public CloudEventPublisher(StreamBridge streamBridge, CloudEventJson json) {
		this.streamBridge = streamBridge;
		this.json = json;
	}

	/**
	 * Publishes one event and waits for the broker's acknowledgement.
	 * @param binding the output binding, e.g. {@code publishProgress-out-0}
	 * @param key the record key, the id of the aggregate the event is about
	 * @param event the event
	 * @throws PublishFailedException if the broker did not acknowledge the record
	 */
	public void publish(String binding, String key, CloudEvent<?> event) {
		publish(binding, key, event, Map.of());
	}

	/**
	 * {@link #publish(String, String, CloudEvent)} with record headers of this service's
	 * own besides the event.
	 */
	public void publish(String binding, String key, CloudEvent<?> event, Map<String, byte[]> headers) {
		Message<byte[]> message = MessageBuilder.withPayload(this.json.write(event))
			.copyHeaders(headers)
			.setHeader(KafkaHeaders.KEY, key.getBytes(StandardCharsets.UTF_8))
			.setHeader(MessageHeaders.CONTENT_TYPE, MimeTypeUtils.APPLICATION_JSON_VALUE)
			.build();
		boolean sent;
		try {
			sent = this.streamBridge.send(binding, message);
		}
		catch (MessagingException | org.apache.kafka.common.KafkaException
				| org.springframework.kafka.KafkaException ex) {
			throw new PublishFailedException("Event " + event.id() + " was not acknowledged on " + binding, ex);
		}
		if (!sent) {
			throw new PublishFailedException("Event " + event.id() + " was not sent on " + binding,
					new IllegalStateException("StreamBridge answered false"));
		}
	}

}
