package vn.gov.cchc.plan.unit;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import vn.gov.cchc.events.CloudEvent;
import vn.gov.cchc.events.EventTypes;
import vn.gov.cchc.events.UnitChanged;
import vn.gov.cchc.events.UnitDetails;
import vn.gov.cchc.events.UnitRegistered;
import vn.gov.cchc.plan.cloudevent.CloudEventPublisher;

import org.springframework.stereotype.Service;

/**
 * Registers or changes a batch of units. The event is the write: the request publishes
 * {@code UnitRegistered} or {@code UnitChanged} and stores nothing, so the database can
 * never hold a state the topic does not have; the {@code units} view catches up from the
 * topic a moment later. If the broker fails half-way through a batch, the units sent so
 * far are published and the client gets 503; sending the same batch again publishes only
 * what is still missing or different.
 */
@Service
class UnitRegistration {

	static final String BINDING = "publishUnit-out-0";

	static final URI SOURCE = URI.create("/cchc/plan-service");

	private final UnitRequestValidator validator = new UnitRequestValidator();

	private final Units units;

	private final CloudEventPublisher publisher;

	private final Clock clock;

	private final Counter registeredCounter;

	private final Counter changedCounter;

	UnitRegistration(Units units, CloudEventPublisher publisher, Clock clock, MeterRegistry meters) {
		this.units = units;
		this.publisher = publisher;
		this.clock = clock;
		this.registeredCounter = published(meters, "registered");
		this.changedCounter = published(meters, "changed");
	}

	private static Counter published(MeterRegistry meters, String type) {
		return Counter.builder("cchc.units.published")
			.description("Unit events published to cchc.units")
			.tag("type", type)
			.register(meters);
	}

	RegistrationResult register(List<@Nullable UnitRequest> requests) {
		List<UnitDetails> batch = this.validator.toUnits(requests);
		Map<String, UnitDetails> stored = new HashMap<>(
				this.units.findAll(batch.stream().map(UnitDetails::code).toList()));
		// Ancestors outside the batch are looked up one by one as the tree check climbs.
		this.validator.checkTree(batch,
				(code) -> stored.computeIfAbsent(code, (unknown) -> this.units.find(unknown).orElse(null)));
		// Stored with millisecond precision, so published with it: the view compares
		// them.
		Instant occurredAt = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
		int registered = 0;
		int changed = 0;
		int unchanged = 0;
		for (UnitDetails unit : parentsFirst(batch)) {
			UnitDetails before = stored.get(unit.code());
			if (before == null) {
				publish(EventTypes.UNIT_REGISTERED_V1, unit, new UnitRegistered(unit, occurredAt), occurredAt);
				this.registeredCounter.increment();
				registered++;
			}
			else if (!before.equals(unit)) {
				publish(EventTypes.UNIT_CHANGED_V1, unit, new UnitChanged(unit, occurredAt), occurredAt);
				this.changedCounter.increment();
				changed++;
			}
			else {
				unchanged++;
			}
		}
		return new RegistrationResult(registered, changed, unchanged);
	}

	private void publish(String type, UnitDetails unit, Object data, Instant occurredAt) {
		this.publisher.publish(BINDING, unit.code(),
				CloudEvent.of(UUID.randomUUID().toString(), SOURCE, type, unit.code(), occurredAt, data));
	}

	/**
	 * Orders the batch so that a parent in the batch comes before its children. Records
	 * of different units may land on different partitions, so consumers cannot rely on
	 * it, but a consumer reading one partition at a time then rarely sees a child first.
	 */
	private static List<UnitDetails> parentsFirst(List<UnitDetails> batch) {
		Map<String, UnitDetails> pending = new LinkedHashMap<>();
		batch.forEach((unit) -> pending.put(unit.code(), unit));
		List<UnitDetails> ordered = new ArrayList<>(batch.size());
		for (UnitDetails unit : batch) {
			addAfterParents(unit, pending, ordered);
		}
		return ordered;
	}

	private static void addAfterParents(UnitDetails unit, Map<String, UnitDetails> pending, List<UnitDetails> ordered) {
		if (pending.remove(unit.code()) == null) {
			return;
		}
		UnitDetails parent = (unit.parentCode() != null) ? pending.get(unit.parentCode()) : null;
		if (parent != null) {
			addAfterParents(parent, pending, ordered);
		}
		ordered.add(unit);
	}

}
