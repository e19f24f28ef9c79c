package vn.gov.cchc.plan.unit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;
import vn.gov.cchc.events.UnitDetails;

import org.springframework.stereotype.Service;

/**
 * Registers or changes a batch of units, all or nothing. The event is the write: the
 * request publishes {@code UnitRegistered} or {@code UnitChanged} and stores nothing, so
 * the database can never hold a state the topic does not have; the {@code units} view
 * catches up from the topic a moment later. If the broker fails half-way through a batch,
 * the units sent so far are published and the client gets 503; sending the same batch
 * again publishes only what is still missing or different.
 */
@Service
class UnitRegistration {

	private final UnitRequestValidator validator = new UnitRequestValidator();

	private final Units units;

	private final UnitEventPublisher events;

	UnitRegistration(Units units, UnitEventPublisher events) {
		this.units = units;
		this.events = events;
	}

	RegistrationResult register(List<@Nullable UnitRequest> requests) {
		List<UnitDetails> batch = this.validator.toUnits(requests);
		Map<String, UnitDetails> stored = new HashMap<>(
				this.units.findAll(batch.stream().map(UnitDetails::code).toList()));
		this.validator.checkCodesNotReused(batch, stored);
		// Units referred to from outside the batch are looked up one by one as the checks
		// meet them.
		this.validator.checkTree(batch,
				(code) -> stored.computeIfAbsent(code, (unknown) -> this.units.find(unknown).orElse(null)));
		return publish(batch, stored);
	}

	/**
	 * Publishes the units that are new or differ from the stored state, parents first.
	 * @param batch units that passed every check
	 * @param stored the known units, by code; a code absent here is new
	 */
	RegistrationResult publish(List<UnitDetails> batch, Map<String, @Nullable UnitDetails> stored) {
		Instant occurredAt = this.events.now();
		List<UnitDetails> toPublish = parentsFirst(batch).stream()
			.filter((unit) -> !unit.equals(stored.get(unit.code())))
			.toList();
		Predicate<UnitDetails> isNew = (unit) -> stored.get(unit.code()) == null;
		if (!toPublish.isEmpty()) {
			this.events.states(toPublish, isNew, occurredAt);
		}
		int registered = (int) toPublish.stream().filter(isNew).count();
		return new RegistrationResult(registered, toPublish.size() - registered, batch.size() - toPublish.size());
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
