package vn.gov.cchc.plan.unit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.IntFunction;
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
 * Merges, splits and moves: the reorganisations of the tree (such as the reform of 1 July
 * 2025), each turned into the whole new states of the units it touches. As for
 * {@link UnitRegistration}, the events are the write and the checks read the
 * {@code units} view.
 *
 * <p>
 * Order on {@code cchc.units}: the topic is compacted by unit code, and the newest record
 * of every code must stay a whole state, or a consumer rebuilding the tree from the topic
 * would lose the unit. {@code UnitsMerged} is keyed by the successor and
 * {@code UnitsSplit} by the predecessor, so each is published first and the states after
 * it, the state of the unit it is keyed by always among them (even when that state did
 * not change, as on a request sent again after a failure half-way).
 *
 * <p>
 * A request sent again is safe: units already in the state it gives them count as
 * unchanged, and when every one is, nothing is published.
 */
@Service
class UnitReorganization {

	private static final String HAS_CHILDREN_HINT = "hãy chuyển chúng sang đơn vị khác (POST /api/v1/units/{code}:move) "
			+ "hoặc sáp nhập chúng trước.";

	private final UnitRequestValidator validator = new UnitRequestValidator();

	private final Units units;

	private final UnitEventPublisher events;

	UnitReorganization(Units units, UnitEventPublisher events) {
		this.units = units;
		this.events = events;
	}

	ReorganizationResult merge(MergeRequest request) {
		List<FieldError> errors = new ArrayList<>();
		LocalDate effectiveOn = required(request.effectiveOn(), "effectiveOn", errors);
		List<String> predecessorCodes = codes(request.predecessorCodes(), "predecessorCodes", 1, errors);
		UnitRequest successorRequest = request.successor();
		if (successorRequest == null) {
			errors.add(new FieldError("successor", UnitRequestValidator.REQUIRED));
		}
		UnitDetails successor = (successorRequest != null)
				? successor(successorRequest, "successor", effectiveOn, predecessorCodes, errors) : null;
		if (!errors.isEmpty() || successor == null || effectiveOn == null) {
			throw new ProblemException(Problems.invalid(errors));
		}

		Map<String, UnitDetails> stored = known(predecessorCodes, List.of(successor.code()));
		checkPredecessors(predecessorCodes, UnitReorganization::mergedAt, stored, effectiveOn, errors);
		checkSuccessor(successor, "successor", Set.copyOf(predecessorCodes), stored, effectiveOn, errors);
		if (!errors.isEmpty()) {
			throw unprocessable("Không thể sáp nhập", errors);
		}
		checkConflicts(predecessorCodes, UnitReorganization::mergedAt, List.of(successor), stored, effectiveOn);

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
		LocalDate effectiveOn = required(request.effectiveOn(), "effectiveOn", errors);
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
				UnitDetails unit = successor(successor, at, effectiveOn, predecessors, errors);
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
		checkPredecessors(List.of(predecessorCode), UnitReorganization::splitAt, stored, effectiveOn, errors);
		Map<String, UnitDetails> splitOff = successors.stream()
			.collect(Collectors.toMap(UnitDetails::code, Function.identity()));
		for (int i = 0; i < successors.size(); i++) {
			checkSuccessor(successors.get(i), "successors[" + i + "]", Set.of(predecessorCode),
					withOverlay(stored, splitOff), effectiveOn, errors);
		}
		if (!errors.isEmpty()) {
			throw unprocessable("Không thể chia tách", errors);
		}
		checkConflicts(List.of(predecessorCode), UnitReorganization::splitAt, successors, stored, effectiveOn);

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
		LocalDate effectiveOn = required(request.effectiveOn(), "effectiveOn", errors);
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
			errors.add(new FieldError("effectiveOn", "Đơn vị " + code + " phải tồn tại cả ngày "
					+ effectiveOn.minusDays(1) + " và ngày " + effectiveOn + " (tồn tại " + span(unit) + ")."));
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
					+ effectiveOn + " (tồn tại " + span(parent) + ")."));
		}
		else if (this.units.isWithin(parentCode, code, effectiveOn)) {
			errors.add(new FieldError("parentCode", "Đơn vị " + parentCode + " trực thuộc " + code + " vào ngày "
					+ effectiveOn + ": chuyển như vậy làm cây đơn vị có vòng lặp."));
		}
		if (!errors.isEmpty()) {
			throw unprocessable("Không thể chuyển đơn vị", errors);
		}
		UnitDetails moved = UnitStates.movedTo(unit, parentCode, effectiveOn);
		this.events.changed(moved, this.events.now());
		return moved;
	}

	/**
	 * Checks a successor on its own and takes its first day and predecessors from the
	 * reorganisation.
	 */
	private @Nullable UnitDetails successor(UnitRequest request, String at, @Nullable LocalDate effectiveOn,
			List<String> predecessorCodes, List<FieldError> errors) {
		LocalDate validFrom = request.validFrom();
		if (validFrom != null && effectiveOn != null && !validFrom.equals(effectiveOn)) {
			errors.add(new FieldError(at + ".validFrom", "Đơn vị kế thừa bắt đầu đúng ngày effectiveOn (" + effectiveOn
					+ "); hãy bỏ trống hoặc ghi đúng ngày đó."));
			return null;
		}
		UnitDetails unit = this.validator.toUnit(request.withValidFrom((validFrom != null) ? validFrom : effectiveOn),
				at, errors);
		if (unit == null) {
			return null;
		}
		if (!unit.predecessorCodes().isEmpty()
				&& !new HashSet<>(unit.predecessorCodes()).equals(new HashSet<>(predecessorCodes))) {
			errors.add(new FieldError(at + ".predecessorCodes",
					"Các đơn vị tiền thân do yêu cầu này xác định; hãy bỏ trống hoặc ghi đúng " + predecessorCodes
							+ "."));
			return null;
		}
		if (predecessorCodes.contains(unit.code())) {
			errors.add(new FieldError(at + ".code", "Đơn vị kế thừa phải mang mã mới, khác các đơn vị tiền thân."));
			return null;
		}
		return UnitStates.formedFrom(unit, predecessorCodes);
	}

	/** The known units among the predecessors and successors, by code. */
	private Map<String, UnitDetails> known(List<String> predecessorCodes, List<String> successorCodes) {
		List<String> codes = new ArrayList<>(predecessorCodes);
		codes.addAll(successorCodes);
		return this.units.findAll(codes);
	}

	/** Each predecessor exists on the day before the reorganisation (422 otherwise). */
	private static void checkPredecessors(List<String> codes, IntFunction<String> fieldOf,
			Map<String, UnitDetails> stored, LocalDate effectiveOn, List<FieldError> errors) {
		LocalDate lastDay = effectiveOn.minusDays(1);
		for (int i = 0; i < codes.size(); i++) {
			String at = fieldOf.apply(i);
			UnitDetails unit = stored.get(codes.get(i));
			if (unit == null) {
				errors.add(new FieldError(at, "Không có đơn vị mã " + codes.get(i) + "."));
			}
			else if (!unit.validOn(lastDay)) {
				errors.add(new FieldError(at, "Đơn vị " + unit.code() + " không tồn tại vào ngày " + lastDay
						+ ", ngày trước ngày hiệu lực (tồn tại " + span(unit) + ")."));
			}
		}
	}

	/**
	 * The successor's parent exists on its first day and is not being ended, and every
	 * other unit it refers to exists (422 otherwise).
	 */
	private void checkSuccessor(UnitDetails successor, String at, Set<String> predecessorCodes,
			Map<String, UnitDetails> stored, LocalDate effectiveOn, List<FieldError> errors) {
		// Its predecessors are checked as such; the rest is looked up as the checks go.
		UnitDetails withoutPredecessors = UnitStates.formedFrom(successor, List.of());
		Map<String, @Nullable UnitDetails> looked = new HashMap<>(stored);
		looked.put(successor.code(), successor);
		Function<String, @Nullable UnitDetails> lookup = (code) -> looked.containsKey(code) ? looked.get(code)
				: remember(looked, code, this.units.find(code).orElse(null));
		List<FieldError> references = this.validator.referenceErrors(withoutPredecessors, at, lookup,
				(code) -> "Không có đơn vị mã " + code + ".");
		errors.addAll(references);
		String parentCode = successor.parentCode();
		String parentField = at + ".parentCode";
		if (parentCode == null || references.stream().anyMatch((error) -> error.field().equals(parentField))) {
			return;
		}
		UnitDetails parent = lookup.apply(parentCode);
		if (predecessorCodes.contains(parentCode)) {
			errors.add(new FieldError(parentField, "Đơn vị cấp trên không thể là đơn vị kết thúc trong lần này."));
		}
		else if (parent != null && !parent.validOn(effectiveOn)) {
			errors.add(new FieldError(parentField, "Đơn vị cấp trên " + parentCode + " không tồn tại vào ngày "
					+ effectiveOn + " (tồn tại " + span(parent) + ")."));
		}
	}

	private static @Nullable UnitDetails remember(Map<String, @Nullable UnitDetails> looked, String code,
			@Nullable UnitDetails unit) {
		looked.put(code, unit);
		return unit;
	}

	/**
	 * What keeps a valid reorganisation from happening (409): a successor code already
	 * taken, a predecessor already taken over by other units, or a predecessor with
	 * children that would be left without a parent.
	 */
	private void checkConflicts(List<String> predecessorCodes, IntFunction<String> fieldOf,
			List<UnitDetails> successors, Map<String, UnitDetails> stored, LocalDate effectiveOn) {
		List<FieldError> taken = new ArrayList<>();
		for (int i = 0; i < successors.size(); i++) {
			UnitDetails successor = successors.get(i);
			UnitDetails existing = stored.get(successor.code());
			// The very state this reorganisation gives it: a request sent again.
			if (existing != null && !existing.equals(successor)) {
				String at = (successors.size() == 1) ? "successor.code" : "successors[" + i + "].code";
				taken.add(new FieldError(at, "Mã " + successor.code() + " đã thuộc về đơn vị " + existing.name()
						+ "; đơn vị kế thừa phải mang mã mới, mã đơn vị không bao giờ được dùng lại."));
			}
		}
		if (!taken.isEmpty()) {
			throw UnitRequestValidator.codeReusedProblem(taken);
		}
		Set<String> successorCodes = successors.stream().map(UnitDetails::code).collect(Collectors.toSet());
		Set<String> ending = new LinkedHashSet<>(predecessorCodes);
		List<FieldError> ended = new ArrayList<>();
		List<FieldError> parents = new ArrayList<>();
		for (int i = 0; i < predecessorCodes.size(); i++) {
			String at = fieldOf.apply(i);
			UnitDetails unit = stored.get(predecessorCodes.get(i));
			if (unit.validTo() != null && unit.validTo().isBefore(effectiveOn) && !unit.successorCodes().isEmpty()
					&& !successorCodes.containsAll(unit.successorCodes())) {
				ended.add(new FieldError(at, "Đơn vị " + unit.code() + " đã kết thúc ngày " + unit.validTo()
						+ " và đã được " + String.join(", ", unit.successorCodes()) + " kế thừa."));
				continue;
			}
			List<UnitDetails> children = this.units.childrenOn(unit.code(), effectiveOn)
				.stream()
				.filter((child) -> !ending.contains(child.code()))
				.toList();
			if (!children.isEmpty()) {
				parents.add(new FieldError(at,
						"Đơn vị " + unit.code() + " vẫn còn " + children.size() + " đơn vị trực thuộc vào ngày "
								+ effectiveOn + ": "
								+ children.stream()
									.map((child) -> child.code() + " (" + child.name() + ")")
									.collect(Collectors.joining(", "))
								+ "; " + HAS_CHILDREN_HINT));
			}
		}
		if (!ended.isEmpty()) {
			throw new ProblemException(Problems.conflict("unit-already-ended", "Đơn vị đã kết thúc",
					"Một số đơn vị tiền thân đã kết thúc và đã có đơn vị kế thừa khác; xem danh sách lỗi.", ended));
		}
		if (!parents.isEmpty()) {
			throw new ProblemException(Problems.conflict("unit-has-children", "Đơn vị còn đơn vị trực thuộc",
					"Đơn vị kết thúc không được để lại đơn vị trực thuộc không có cấp trên; " + HAS_CHILDREN_HINT,
					parents));
		}
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

	private static @Nullable LocalDate required(@Nullable LocalDate day, String field, List<FieldError> errors) {
		if (day == null) {
			errors.add(new FieldError(field, UnitRequestValidator.REQUIRED));
		}
		return day;
	}

	private static List<String> codes(@Nullable List<@Nullable String> codes, String field, int min,
			List<FieldError> errors) {
		if (codes == null || codes.size() < min) {
			errors.add(new FieldError(field, "Cần ít nhất " + min + " mã đơn vị."));
			return List.of();
		}
		if (codes.size() > UnitRequestValidator.MAX_LINKS) {
			errors.add(new FieldError(field, "Tối đa " + UnitRequestValidator.MAX_LINKS + " mã đơn vị."));
			return List.of();
		}
		List<String> valid = new ArrayList<>();
		for (int i = 0; i < codes.size(); i++) {
			String code = UnitRequestValidator.stripToNull(codes.get(i));
			String at = field + "[" + i + "]";
			if (code == null) {
				errors.add(new FieldError(at, UnitRequestValidator.REQUIRED));
			}
			else if (!UnitCodes.isWellFormed(code)) {
				errors.add(new FieldError(at, UnitCodes.MALFORMED));
			}
			else if (valid.contains(code)) {
				errors.add(new FieldError(at, "Mã đơn vị " + code + " đã có trong danh sách."));
			}
			else {
				valid.add(code);
			}
		}
		return valid;
	}

	/** The field of the i-th predecessor of a merge. */
	private static String mergedAt(int i) {
		return "predecessorCodes[" + i + "]";
	}

	/** The field of the predecessor of a split. */
	private static String splitAt(int i) {
		return "predecessorCode";
	}

	private static Map<String, UnitDetails> withOverlay(Map<String, UnitDetails> stored,
			Map<String, UnitDetails> overlay) {
		Map<String, UnitDetails> merged = new HashMap<>(stored);
		merged.putAll(overlay);
		return merged;
	}

	private static ProblemException unprocessable(String title, List<FieldError> errors) {
		return new ProblemException(Problems.unprocessable("invalid-reorganization", title,
				"Yêu cầu không khớp với cây đơn vị đã có; xem danh sách lỗi.", errors));
	}

	private static String span(UnitDetails unit) {
		return "từ " + unit.validFrom() + ((unit.validTo() != null) ? " đến " + unit.validTo() : "");
	}

	private static final class Counts {

		int registered;

		int changed;

		int unchanged;

	}

}
