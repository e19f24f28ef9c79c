package vn.gov.cchc.plan.plan;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;
import vn.gov.cchc.events.PlanDetails;
import vn.gov.cchc.events.UnitDetails;
import vn.gov.cchc.web.FieldError;
import vn.gov.cchc.web.ProblemException;
import vn.gov.cchc.web.Problems;
import vn.gov.cchc.plan.validation.Violations;

/**
 * The errors of one {@link PlanValidator} run and the lookups it made, so that a unit
 * named in many rows is looked up once. Errors of the plan's shape (400) are kept apart
 * from references that do not fit the store (422 when they are all there is).
 */
final class PlanCheck {

	final PlanReferences references;

	final List<FieldError> shapes;

	private final List<FieldError> referenceErrors = new ArrayList<>();

	private final Map<String, Optional<UnitDetails>> units = new HashMap<>();

	@Nullable LocalDate from;

	@Nullable LocalDate to;

	PlanCheck(PlanReferences references, List<FieldError> moreErrors) {
		this.references = references;
		this.shapes = new ArrayList<>(moreErrors);
	}

	/** Whether the field itself, not something inside it, is at fault. */
	boolean has(String field) {
		return this.shapes.stream().anyMatch((error) -> error.field().equals(field));
	}

	/** Whether nothing is wrong with the field or inside it so far. */
	boolean ok(String field) {
		return !Violations.names(this.shapes, field) && !Violations.names(this.referenceErrors, field);
	}

	void shape(String field, String message) {
		this.shapes.add(new FieldError(field, message));
	}

	void reference(String field, String message) {
		this.referenceErrors.add(new FieldError(field, message));
	}

	void throwIfAny() {
		List<FieldError> errors = new ArrayList<>(this.shapes);
		errors.addAll(this.referenceErrors);
		errors.sort(Violations.inOrderOf(PlanRequest.class));
		if (errors.isEmpty()) {
			return;
		}
		if (this.shapes.isEmpty()) {
			throw new ProblemException(Problems.unprocessable("invalid-plan-references",
					"Kế hoạch tham chiếu không hợp lệ",
					"Kế hoạch nêu đơn vị hoặc kế hoạch cấp trên không khớp với dữ liệu đã có; xem danh sách lỗi.",
					errors));
		}
		throw new ProblemException(Problems.invalid(errors));
	}

	void uniqueId(String field, @Nullable String id, Map<String, Integer> firstIndexOfId, int index, String label) {
		Integer first = (id != null && ok(field)) ? firstIndexOfId.putIfAbsent(id, index) : null;
		if (first != null) {
			shape(field, label + " " + id + " trùng với phần tử [" + first + "].");
		}
	}

	@Nullable UnitDetails knownUnit(String field, String code) {
		Optional<UnitDetails> unit = this.units.computeIfAbsent(code, this.references::unit);
		if (unit.isEmpty()) {
			reference(field, "Không có đơn vị nào mang mã " + code + ".");
			return null;
		}
		return unit.get();
	}

	/** A unit named in the plan must exist on some day the plan covers. */
	void unitDuringPlan(String field, String code) {
		UnitDetails unit = knownUnit(field, code);
		if (unit == null || this.from == null || this.to == null) {
			return;
		}
		if (unit.validFrom().isAfter(this.to) || (unit.validTo() != null && unit.validTo().isBefore(this.from))) {
			reference(field, "Đơn vị " + code + " không tồn tại trong thời gian của kế hoạch.");
		}
	}

	@Nullable String inheritedFrom(String field, @Nullable String value, @Nullable PlanDetails parent,
			Predicate<String> parentHas, String what) {
		String inheritedFrom = ok(field) ? PlanRequest.text(value) : null;
		if (inheritedFrom == null) {
			return null;
		}
		if (parent == null) {
			shape(field, "Chỉ ghi nguồn kế thừa khi kế hoạch thực hiện một kế hoạch cấp trên "
					+ "(basis.parentPlanId) đã ban hành.");
			return null;
		}
		String prefix = parent.planId() + "/";
		if (!inheritedFrom.startsWith(prefix) || !parentHas.test(inheritedFrom.substring(prefix.length()))) {
			reference(field,
					"Nguồn kế thừa có dạng " + prefix + "<mã>, với mã là một " + what + " của kế hoạch cấp trên.");
			return null;
		}
		return inheritedFrom;
	}

}
