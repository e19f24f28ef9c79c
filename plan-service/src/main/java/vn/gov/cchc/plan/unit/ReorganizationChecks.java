package vn.gov.cchc.plan.unit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import vn.gov.cchc.events.UnitDetails;
import vn.gov.cchc.web.FieldError;
import vn.gov.cchc.web.ProblemException;
import vn.gov.cchc.web.Problems;

/**
 * The checks of a reorganisation request, apart from the events it makes: the request on
 * its own (400), against the tree (422), and what keeps a valid one from happening (409).
 * Kept apart so that {@link UnitReorganization} reads as the order in which states are
 * published.
 */
final class ReorganizationChecks {

	private static final String HAS_CHILDREN_HINT = "hãy chuyển chúng sang đơn vị khác (POST /api/v1/units/{code}:move) "
			+ "hoặc sáp nhập chúng trước.";

	private final UnitRequestValidator validator = new UnitRequestValidator();

	private final Units units;

	ReorganizationChecks(Units units) {
		this.units = units;
	}

	/**
	 * Checks a successor on its own and takes its first day and predecessors from the
	 * reorganisation.
	 */
	@Nullable UnitDetails successor(UnitRequest request, String at, @Nullable LocalDate effectiveOn,
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

	/** Each predecessor exists on the day before the reorganisation (422 otherwise). */
	static void checkPredecessors(List<String> codes, IntFunction<String> fieldOf, Map<String, UnitDetails> stored,
			LocalDate effectiveOn, List<FieldError> errors) {
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
	void checkSuccessor(UnitDetails successor, String at, Set<String> predecessorCodes, Map<String, UnitDetails> stored,
			LocalDate effectiveOn, List<FieldError> errors) {
		// Its predecessors are checked as such; the rest is looked up as the checks go.
		UnitDetails withoutPredecessors = UnitStates.formedFrom(successor, List.of());
		Map<String, Optional<UnitDetails>> looked = new HashMap<>();
		stored.forEach((code, unit) -> looked.put(code, Optional.of(unit)));
		looked.put(successor.code(), Optional.of(successor));
		Function<String, @Nullable UnitDetails> lookup = (code) -> looked.computeIfAbsent(code, this.units::find)
			.orElse(null);
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

	/**
	 * What keeps a valid reorganisation from happening (409): a successor code already
	 * taken, a predecessor already taken over by other units, or a predecessor with
	 * children that would be left without a parent.
	 */
	void checkConflicts(List<String> predecessorCodes, IntFunction<String> fieldOf, List<UnitDetails> successors,
			Map<String, UnitDetails> stored, LocalDate effectiveOn) {
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

	static @Nullable LocalDate required(@Nullable LocalDate day, String field, List<FieldError> errors) {
		if (day == null) {
			errors.add(new FieldError(field, UnitRequestValidator.REQUIRED));
		}
		return day;
	}

	static List<String> codes(@Nullable List<@Nullable String> codes, String field, int min, List<FieldError> errors) {
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
	static String mergedAt(int i) {
		return "predecessorCodes[" + i + "]";
	}

	/** The field of the predecessor of a split. */
	static String splitAt(int i) {
		return "predecessorCode";
	}

	static ProblemException unprocessable(String title, List<FieldError> errors) {
		return new ProblemException(Problems.unprocessable("invalid-reorganization", title,
				"Yêu cầu không khớp với cây đơn vị đã có; xem danh sách lỗi.", errors));
	}

	static String span(UnitDetails unit) {
		return "từ " + unit.validFrom() + ((unit.validTo() != null) ? " đến " + unit.validTo() : "");
	}

}
