package vn.gov.cchc.notification.reminder;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.json.JsonMapper;
import vn.gov.cchc.events.CloudEvent;
import vn.gov.cchc.events.EventTypes;
import vn.gov.cchc.events.PeriodType;
import vn.gov.cchc.events.SubmissionDue;
import vn.gov.cchc.events.SubmissionReturned;
import vn.gov.cchc.events.SubmissionSubmitted;
import vn.gov.cchc.events.Topics;
import vn.gov.cchc.events.UnitContacts;
import vn.gov.cchc.events.UnitDetails;
import vn.gov.cchc.events.UnitKind;
import vn.gov.cchc.events.UnitRegistered;

/**
 * Publishes what plan-service and report-service publish, the way they do: structured
 * CloudEvents keyed by the aggregate id, acknowledged by all replicas.
 */
final class ReminderFixtures implements AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Producer<String, byte[]> producer;

	ReminderFixtures(String bootstrapServers) {
		this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 5), new StringSerializer(),
				new ByteArraySerializer());
	}

	/** A unit with its contacts; the email domain is the unit's own. */
	void unit(String code, String name, UnitKind kind, String parentCode, String email, String phone) {
		UnitDetails unit = new UnitDetails(code, name, kind, parentCode, LocalDate.of(2008, 1, 1), null,
				new UnitContacts("Cán bộ văn phòng " + name, email, phone), List.of(), List.of(), List.of(), Map.of());
		unit(unit);
	}

	/**
	 * Province 27 and district 256 under it, so that the province's administrator reads
	 * the log of the test's communes (put under 256).
	 */
	void provinceAndDistrict() {
		unit("27", "Tỉnh Bắc Ninh", UnitKind.PROVINCE, null, "vpubnd@province.test", "0912345601");
		unit("256", "Thị xã Từ Sơn", UnitKind.DISTRICT, "27", "vanphong@tuson.test", "0912000256");
	}

	/** A unit as it is, with its days and earlier parents. */
	void unit(UnitDetails unit) {
		Instant at = Instant.parse("2025-01-02T01:00:00Z");
		send(Topics.UNITS, unit.code(), EventTypes.UNIT_REGISTERED_V1, new UnitRegistered(unit, at), at);
	}

	static String submissionId(String planId, String periodId, String unitCode) {
		return planId + ":" + periodId + ":" + unitCode;
	}

	void due(String planId, String periodId, PeriodType type, String unitCode, LocalDate dueDate,
			String escalationUnitCode) {
		String id = submissionId(planId, periodId, unitCode);
		Instant at = Instant.now();
		send(Topics.SUBMISSIONS, id, EventTypes.SUBMISSION_DUE_V1, new SubmissionDue(id, unitCode, planId, periodId,
				type, dueDate.minusDays(2), dueDate, escalationUnitCode, escalationUnitCode, at), at);
	}

	void submitted(String planId, String periodId, PeriodType type, String unitCode, LocalDate dueDate) {
		String id = submissionId(planId, periodId, unitCode);
		Instant at = Instant.now();
		send(Topics.SUBMISSIONS, id, EventTypes.SUBMISSION_SUBMITTED_V1, new SubmissionSubmitted(id, unitCode, planId,
				periodId, type, 1, dueDate, false, "Cán bộ văn phòng", at), at);
	}

	/**
	 * @return the record value sent, to send it again
	 */
	byte[] returned(String planId, String periodId, PeriodType type, String unitCode) {
		String id = submissionId(planId, periodId, unitCode);
		Instant at = Instant.now();
		return send(Topics.SUBMISSIONS, id, EventTypes.SUBMISSION_RETURNED_V1, new SubmissionReturned(id, unitCode,
				planId, periodId, type, 1, "Chuyên viên Sở Nội vụ", "Bổ sung số liệu tháng 6", at), at);
	}

	void raw(String topic, String key, byte[] value) {
		this.producer.send(new ProducerRecord<>(topic, key, value));
		this.producer.flush();
	}

	private byte[] send(String topic, String key, String type, Object data, Instant at) {
		CloudEvent<Object> event = CloudEvent.of(UUID.randomUUID().toString(), URI.create("/cchc/test"), type, key, at,
				data);
		byte[] value = JSON.writeValueAsBytes(event);
		raw(topic, key, value);
		return value;
	}

	@Override
	public void close() {
		this.producer.close();
	}

}
