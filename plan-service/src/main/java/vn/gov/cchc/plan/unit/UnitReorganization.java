package vn.gov.cchc.plan.unit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import vn.gov.cchc.events.UnitDetails;
import vn.gov.cchc.events.UnitKind;
import vn.gov.cchc.events.UnitsMerged;
import vn.gov.cchc.events.UnitsSplit;
import vn.gov.cchc.web.FieldError;
import vn.gov.cchc.web.ProblemException;
import vn.gov.cchc.web.Problems;

import org.springframework.stereotype.Service;

/**
 * Merges, splits and moves of the tree, each turned into the whole new states of the
 * units it touches and published in an order that keeps {@code cchc.units} whole.
 *
 * <p>
 * Why: docs/units.md, "Merges, splits and moves (UnitReorganization)".
 */
@Service
class UnitReorganization {

	private final ReorganizationChecks checks;

	private final Units units;

	private final UnitEventPublisher events;

	UnitReorganization(Units units, UnitEventPublisher events) {
		this.checks = new ReorganizationChecks(units);
		this.units = units;
		this.events = events;
	}

	ReorganizationResult merge(MergeRequest request) {
		List<FieldError> errors = new ArrayList<>();
		LocalDate effectiveOn = ReorganizationChecks.required(request.effectiveOn(), "effectiveOn", errors);
		List<String> predecessorCodes = ReorganizationChecks.codes(request.predecessorCodes(), "predecessorCodes", 1,
				errors);
		UnitRequest successorRequest = request.successor();
		if (successorRequest == null) {
			errors.add(new FieldError("successor", UnitRequestValidator.REQUIRED));
		}
		UnitDetails successor = (successorRequest != null)
				? this.checks.successor(successorRequest, "successor", effectiveOn, predecessorCodes, errors) : null;
		if (!errors.isEmpty() || successor == null || effectiveOn == null) {
			throw new ProblemException(Problems.invalid(errors));
		}

		Map<String, UnitDetails> stored = known(predecessorCodes, List.of(successor.code()));
		ReorganizationChecks.checkPredecessors(predecessorCodes, ReorganizationChecks::mergedAt, stored, effectiveOn,
				errors);
		this.checks.checkSuccessor(successor, "successor", Set.copyOf(predecessorCodes), stored, effectiveOn, errors);
		if (!errors.isEmpty()) {
			throw ReorganizationChecks.unprocessable("Không thể sáp nhập", errors);
		}
		this.checks.checkConflicts(predecessorCodes, ReorganizationChecks::mergedAt, List.of(successor), stored,
				effectiveOn);

		List<UnitDetails> closed = predecessorCodes.stream()
			.map((code) -> UnitStates.ended(stored.get(code), effectiveOn.minusDays(1), List.of(successor.code())))
			.toList();
		List<UnitDetails> touched = new ArrayList<>(closed);
		touched.add(successor);
		Counts counts = new Counts();
		if (changes(touched, stored)) {
			Instant occurredAt = this.events.now();
			this.events.merged(new UnitsMerged(predecessorCodes, successor.code(), effectiveOn, occurredAt));
			// Keyed like the merge: its state must come after it.
			publishState(successor, stored, occurredAt, counts, true);
			closed.forEach((unit) -> publishState(unit, stored, occurredAt, counts, false));
		}
		else {
			counts.unchanged = touched.size();
		}
		return new ReorganizationResult(predecessorCodes, List.of(successor.code()), effectiveOn, counts.registered,
				counts.changed, counts.unchanged);
	}

	ReorganizationResult split(SplitRequest request) {
		List<FieldError> errors = new ArrayList<>();
		LocalDate effectiveOn = ReorganizationChecks.required(request.effectiveOn(), "effectiveOn", errors);
		String predecessorCode = UnitRequestValidator.stripToNull(request.predecessorCode());
		if (predecessorCode == null) {
			errors.add(new FieldError("predecessorCode", UnitRequestValidator.REQUIRED));
		}
		else if (!UnitCodes.isWellFormed(predecessorCode)) {
			errors.add(new FieldError("predecessorCode", UnitCodes.MALFORMED));
		}
		List<@Nullable UnitRequest> requests = request.successors();
		List<UnitDetails> successors = new ArrayList<>();
		if (requests == null || requests.size() < 2) {
			errors.add(new FieldError("successors",
					"Chia tách cần ít nhất 2 đơn vị kế thừa; một đơn vị kế thừa thì dùng sáp nhập (:merge)."));
		}
		else if (requests.size() > UnitRequestValidator.MAX_LINKS) {
			errors.add(new FieldError("successors", "Tối đa " + UnitRequestValidator.MAX_LINKS + " đơn vị kế thừa."));
		}
		else {
			List<String> predecessors = (predecessorCode != null) ? List.of(predecessorCode) : List.of();
			Map<String, Integer> firstIndex = new HashMap<>();
			for (int i = 0; i < requests.size(); i++) {
				String at = "successors[" + i + "]";
				UnitRequest successor = requests.get(i);
				if (successor == null) {
					errors.add(new FieldError(at, "Phần tử phải là một đơn vị, không được là null."));
					continue;
				}
				UnitDetails unit = this.checks.successor(successor, at, effectiveOn, predecessors, errors);
				if (unit != null) {
					Integer first = firstIndex.putIfAbsent(unit.code(), i);
					if (first != null) {
						errors.add(new FieldError(at + ".code", "Mã đơn vị trùng với successors[" + first + "]."));
					}
					successors.add(unit);
				}
			}
		}
		if (!errors.isEmpty() || predecessorCode == null || effectiveOn == null) {
			throw new ProblemException(Problems.invalid(errors));
		}

		List<String> successorCodes = successors.stream().map(UnitDetails::code).toList();
		Map<String, UnitDetails> stored = known(List.of(predecessorCode), successorCodes);
		ReorganizationChecks.checkPredecessors(List.of(predecessorCode), ReorganizationChecks::splitAt, stored,
				effectiveOn, errors);
		Map<String, UnitDetails> splitOff = successors.stream()
			.collect(Collectors.toMap(UnitDetails::code, Function.identity()));
		for (int i = 0; i < successors.size(); i++) {
			this.checks.checkSuccessor(successors.get(i), "successors[" + i + "]", Set.of(predecessorCode),
					withOverlay(stored, splitOff), effectiveOn, errors);
		}
		if (!errors.isEmpty()) {
			throw ReorganizationChecks.unprocessable("Không thể chia tách", errors);
		}
		this.checks.checkConflicts(List.of(predecessorCode), ReorganizationChecks::splitAt, successors, stored,
				effectiveOn);

		UnitDetails closed = UnitStates.ended(stored.get(predecessorCode), effectiveOn.minusDays(1), successorCodes);
		List<UnitDetails> touched = new ArrayList<>(successors);
		touched.add(closed);
		Counts counts = new Counts();
		if (changes(touched, stored)) {
			Instant occurredAt = this.events.now();
			this.events.split(new UnitsSplit(predecessorCode, successorCodes, effectiveOn, occurredAt));
			successors.forEach((unit) -> publishState(unit, stored, occurredAt, counts, false));
			// Keyed like the split: its state must come after it.
			publishState(closed, stored, occurredAt, counts, true);
		}
		else {
			counts.unchanged = touched.size();
		}
		return new ReorganizationResult(List.of(predecessorCode), successorCodes, effectiveOn, counts.registered,
				counts.changed, counts.unchanged);
	}

	/**
	 * Moves a unit under another parent from {@code effectiveOn}, keeping its current
	 * parent in {@code parentHistory}.
	 * @return the unit's new state (its old one when it is under that parent already)
	 */
	UnitDetails move(String code, MoveRequest request) {
		UnitDetails unit = this.units.find(code).orElseThrow(() -> UnitController.notFound(code));
		List<FieldError> errors = new ArrayList<>();
		LocalDate effectiveOn = ReorganizationChecks.required(request.effectiveOn(), "effectiveOn", errors);
		String parentCode = UnitRequestValidator.stripToNull(request.parentCode());
		if (parentCode == null) {
			errors.add(new FieldError("parentCode", UnitRequestValidator.REQUIRED));
		}
		else if (!UnitCodes.isWellFormed(parentCode)) {
			errors.add(new FieldError("parentCode", UnitCodes.MALFORMED));
		}
		else if (parentCode.equals(code)) {
			errors.add(new FieldError("parentCode", "Đơn vị không thể là cấp trên của chính nó."));
		}
		if (!errors.isEmpty() || parentCode == null || effectiveOn == null) {
			throw new ProblemException(Problems.invalid(errors));
		}
		if (parentCode.equals(unit.parentCode())) {
			return unit;
		}

		if (unit.kind() == UnitKind.PROVINCE) {
			errors.add(new FieldError("parentCode", "Tỉnh không có đơn vị cấp trên nên không chuyển được."));
		}
		LocalDate since = UnitStates.currentParentSince(unit);
		if (!unit.validOn(effectiveOn) || !unit.validOn(effectiveOn.minusDays(1))) {
			errors.add(
					new FieldError("effectiveOn", "Đơn vị " + code + " phải tồn tại cả ngày " + effectiveOn.minusDays(1)
							+ " và ngày " + effectiveOn + " (tồn tại " + ReorganizationChecks.span(unit) + ")."));
		}
		else if (!effectiveOn.isAfter(since)) {
			errors.add(new FieldError("effectiveOn", "Đơn vị " + code + " ở dưới đơn vị cấp trên hiện tại từ ngày "
					+ since + "; ngày chuyển phải sau ngày đó."));
		}
		UnitDetails parent = this.units.find(parentCode).orElse(null);
		if (parent == null) {
			errors.add(new FieldError("parentCode", "Không có đơn vị mã " + parentCode + "."));
		}
		else if (!parent.validOn(effectiveOn)) {
			errors.add(new FieldError("parentCode", "Đơn vị cấp trên " + parentCode + " không tồn tại vào ngày "
					+ effectiveOn + " (tồn tại " + ReorganizationChecks.span(parent) + ")."));
		}
		else if (this.units.isWithin(parentCode, code, effectiveOn)) {
			errors.add(new FieldError("parentCode", "Đơn vị " + parentCode + " trực thuộc " + code + " vào ngày "
					+ effectiveOn + ": chuyển như vậy làm cây đơn vị có vòng lặp."));
		}
		if (!errors.isEmpty()) {
			throw ReorganizationChecks.unprocessable("Không thể chuyển đơn vị", errors);
		}
		UnitDetails moved = UnitStates.movedTo(unit, parentCode, effectiveOn);
		this.events.changed(moved, this.events.now());
		return moved;
	}

	/** The known units among the predecessors and successors, by code. */
	private Map<String, UnitDetails> known(List<String> predecessorCodes, List<String> successorCodes) {
		List<String> codes = new ArrayList<>(predecessorCodes);
		codes.addAll(successorCodes);
		return this.units.findAll(codes);
	}

	private static boolean changes(List<UnitDetails> units, Map<String, UnitDetails> stored) {
		return units.stream().anyMatch((unit) -> !unit.equals(stored.get(unit.code())));
	}

	/**
	 * Publishes the unit's state if it is new or differs, or always when
	 * {@code afterItsEvent}: it then follows the merge or split event of its key.
	 */
	private void publishState(UnitDetails unit, Map<String, UnitDetails> stored, Instant occurredAt, Counts counts,
			boolean afterItsEvent) {
		UnitDetails before = stored.get(unit.code());
		if (before == null) {
			this.events.registered(unit, occurredAt);
			counts.registered++;
			return;
		}
		if (!before.equals(unit)) {
			counts.changed++;
		}
		else {
			counts.unchanged++;
			if (!afterItsEvent) {
				return;
			}
		}
		this.events.changed(unit, occurredAt);
	}

	private static Map<String, UnitDetails> withOverlay(Map<String, UnitDetails> stored,
			Map<String, UnitDetails> overlay) {
		Map<String, UnitDetails> merged = new HashMap<>(stored);
		merged.putAll(overlay);
		return merged;
	}

	private static final class Counts {

		int registered;

		int changed;

		int unchanged;

	}

}
