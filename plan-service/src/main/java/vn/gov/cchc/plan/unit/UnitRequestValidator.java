package vn.gov.cchc.plan.unit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import jakarta.validation.Validator;
import org.jspecify.annotations.Nullable;
import vn.gov.cchc.events.UnitContacts;
import vn.gov.cchc.events.UnitDetails;
import vn.gov.cchc.events.UnitKind;
import vn.gov.cchc.plan.validation.Violations;
import vn.gov.cchc.web.FieldError;
import vn.gov.cchc.web.ProblemException;
import vn.gov.cchc.web.Problems;

/**
 * The rules a unit must keep. {@link #toUnit} checks one unit on its own (400 when
 * broken); {@link #referenceErrors} checks that it fits the tree it refers to (422 when
 * it does not): its parents (current and earlier), predecessors and successors exist, and
 * it does not become its own ancestor. {@link #codeReused} keeps a code from being given
 * to a unit of another kind. Paths in the errors are JSON paths, e.g.
 * {@code [3].parentHistory[0].to} in a batch.
 */
class UnitRequestValidator {

	static final int MAX_LINKS = 100;

	static final String REQUIRED = Violations.message("cchc.required");

	private static final Validator shapes = Violations.validator();

	/**
	 * Checks every unit of the batch on its own and against the others.
	 * @return the units, normalised (blank optional texts absent, names stripped)
	 * @throws ProblemException 400 naming every offending field
	 */
	List<UnitDetails> toUnits(List<@Nullable UnitRequest> batch) {
		List<FieldError> errors = new ArrayList<>();
		List<UnitDetails> units = new ArrayList<>(batch.size());
		Map<String, Integer> firstIndexOfCode = new HashMap<>();
		for (int i = 0; i < batch.size(); i++) {
			String at = "[" + i + "]";
			UnitDetails unit = toUnit(batch.get(i), at, errors);
			UnitRequest request = batch.get(i);
			if (request != null && request.code() != null && UnitCodes.isWellFormed(request.code())) {
				Integer first = firstIndexOfCode.putIfAbsent(request.code(), i);
				if (first != null) {
					errors.add(new FieldError(at + ".code", "Mã đơn vị trùng với phần tử [" + first + "] của lô."));
					continue;
				}
			}
			if (unit != null) {
				units.add(unit);
			}
		}
		if (!errors.isEmpty()) {
			throw new ProblemException(Problems.invalid(errors));
		}
		return units;
	}

	/**
	 * Checks one unit on its own: the rules of its shape on {@link UnitRequest}, and here
	 * those between its fields.
	 * @param request the unit as sent
	 * @param at the JSON path of the unit, empty when it is the whole body
	 * @param errors where the offending fields are added
	 * @return the unit, normalised, or {@code null} if any field was at fault
	 */
	@Nullable UnitDetails toUnit(@Nullable UnitRequest request, String at, List<FieldError> errors) {
		if (request == null) {
			errors.add(new FieldError(at.isEmpty() ? FieldError.BODY : at,
					"Phần tử phải là một đơn vị, không được là null."));
			return null;
		}
		List<FieldError> own = Violations.errors(shapes.validate(request), "");
		String code = request.code();
		UnitKind kind = request.kind();
		String parentCode = stripToNull(request.parentCode());
		if (kind == UnitKind.PROVINCE && parentCode != null) {
			add(own, "parentCode", "Tỉnh không có đơn vị cấp trên.");
		}
		else if (kind != null && kind != UnitKind.PROVINCE && parentCode == null) {
			add(own, "parentCode", "Đơn vị không phải tỉnh phải có đơn vị cấp trên.");
		}
		if (parentCode != null && parentCode.equals(code)) {
			add(own, "parentCode", "Đơn vị không thể là cấp trên của chính nó.");
		}
		LocalDate validFrom = request.validFrom();
		LocalDate validTo = request.validTo();
		if (validFrom != null && validTo != null && validTo.isBefore(validFrom)) {
			add(own, "validTo", "Ngày kết thúc không được trước ngày bắt đầu (validFrom).");
		}
		List<UnitDetails.ParentPeriod> parentHistory = parentHistory(request, own);
		List<String> predecessorCodes = links(request.predecessorCodes(), code, "predecessorCodes",
				"Đơn vị không thể là tiền thân của chính nó.", own);
		List<String> successorCodes = links(request.successorCodes(), code, "successorCodes",
				"Đơn vị không thể là đơn vị kế thừa của chính nó.", own);
		own.sort(Violations.inOrderOf(UnitRequest.class));
		own.forEach((error) -> errors.add(new FieldError(Violations.path(at, error.field()), error.message())));
		if (!own.isEmpty()) {
			return null;
		}
		UnitRequest.Contacts contacts = request.contacts();
		return new UnitDetails(code, stripToNull(request.name()), kind, parentCode, validFrom, validTo,
				(contacts != null) ? new UnitContacts(stripToNull(contacts.person()), stripToNull(contacts.email()),
						stripToNull(contacts.phone())) : new UnitContacts(null, null, null),
				parentHistory, predecessorCodes, successorCodes,
				(request.groups() != null) ? Map.copyOf(request.groups()) : Map.of());
	}

	/** Adds an error of a rule between fields unless the field is already at fault. */
	private static void add(List<FieldError> errors, String field, String message) {
		if (!Violations.names(errors, field)) {
			errors.add(new FieldError(field, message));
		}
	}

	/**
	 * Refuses a batch that gives a known code to a unit of another kind.
	 * @param batch units that passed {@link #toUnits}, in batch order
	 * @param stored the known units among them, by code
	 * @throws ProblemException 409 naming the {@code kind} of every such unit
	 */
	void checkCodesNotReused(List<UnitDetails> batch, Map<String, UnitDetails> stored) {
		List<FieldError> errors = new ArrayList<>();
		for (int i = 0; i < batch.size(); i++) {
			FieldError error = codeReused(batch.get(i), stored.get(batch.get(i).code()), "[" + i + "]");
			if (error != null) {
				errors.add(error);
			}
		}
		if (!errors.isEmpty()) {
			throw codeReusedProblem(errors);
		}
	}

	/** 409: official codes are never given to another unit. */
	static ProblemException codeReusedProblem(List<FieldError> errors) {
		return new ProblemException(Problems.conflict("unit-code-reused", "Mã đơn vị đã được dùng",
				"Mã đơn vị chính thức không bao giờ được dùng lại cho một đơn vị khác; xem danh sách lỗi.", errors));
	}

	/**
	 * Whether the unit would reuse the code of a known unit of another kind.
	 * @return the error naming its {@code kind}, or {@code null}
	 */
	@Nullable FieldError codeReused(UnitDetails unit, @Nullable UnitDetails stored, String at) {
		if (stored == null || stored.kind() == unit.kind()) {
			return null;
		}
		return new FieldError(Violations.path(at, "kind"), "Mã " + unit.code() + " đã thuộc về một đơn vị loại "
				+ stored.kind() + " (" + stored.name() + "); mã đơn vị không bao giờ được dùng lại.");
	}

	/**
	 * Checks that the batch fits the known tree.
	 * @param batch units that passed {@link #toUnits}, in batch order
	 * @param known looks up a unit already registered, or {@code null}
	 * @throws ProblemException 422 naming every reference to a unit that is nowhere, and
	 * the {@code parentCode} of every unit that would become its own ancestor
	 */
	void checkTree(List<UnitDetails> batch, Function<String, @Nullable UnitDetails> known) {
		Map<String, UnitDetails> inBatch = new LinkedHashMap<>();
		batch.forEach((unit) -> inBatch.put(unit.code(), unit));
		Function<String, @Nullable UnitDetails> lookup = (code) -> {
			UnitDetails unit = inBatch.get(code);
			return (unit != null) ? unit : known.apply(code);
		};
		List<FieldError> errors = new ArrayList<>();
		for (int i = 0; i < batch.size(); i++) {
			errors.addAll(referenceErrors(batch.get(i), "[" + i + "]", lookup,
					(code) -> "Không có đơn vị mã " + code + " (chưa đăng ký và không có trong lô)."));
		}
		if (!errors.isEmpty()) {
			throw new ProblemException(Problems.unprocessable("invalid-unit-tree", "Cây đơn vị không hợp lệ",
					"Lô đơn vị không khớp với cây đơn vị đã có; xem danh sách lỗi.", errors));
		}
	}

	/**
	 * Checks that every unit the given one refers to exists, and that its current parent
	 * does not make it its own ancestor.
	 * @param unit a unit that passed {@link #toUnit}
	 * @param at its JSON path, empty when it is the whole body
	 * @param lookup the tree as it would be with the unit in it
	 * @param absent the message for a code {@code lookup} does not know
	 * @return the offending fields, empty when it fits
	 */
	List<FieldError> referenceErrors(UnitDetails unit, String at, Function<String, @Nullable UnitDetails> lookup,
			Function<String, String> absent) {
		List<FieldError> errors = new ArrayList<>();
		if (unit.parentCode() != null) {
			if (lookup.apply(unit.parentCode()) == null) {
				errors.add(new FieldError(Violations.path(at, "parentCode"), absent.apply(unit.parentCode())));
			}
			else if (isOwnAncestor(unit, lookup)) {
				errors.add(new FieldError(Violations.path(at, "parentCode"),
						"Đơn vị cấp trên này làm cây đơn vị có vòng lặp."));
			}
		}
		List<UnitDetails.ParentPeriod> history = unit.parentHistory();
		for (int j = 0; j < history.size(); j++) {
			String parent = history.get(j).parentCode();
			if (parent != null && lookup.apply(parent) == null) {
				errors.add(new FieldError(Violations.path(at, "parentHistory[" + j + "].parentCode"),
						absent.apply(parent)));
			}
		}
		addAbsentLinks(unit.predecessorCodes(), Violations.path(at, "predecessorCodes"), lookup, absent, errors);
		addAbsentLinks(unit.successorCodes(), Violations.path(at, "successorCodes"), lookup, absent, errors);
		return errors;
	}

	private static void addAbsentLinks(List<String> codes, String at, Function<String, @Nullable UnitDetails> lookup,
			Function<String, String> absent, List<FieldError> errors) {
		for (int j = 0; j < codes.size(); j++) {
			if (lookup.apply(codes.get(j)) == null) {
				errors.add(new FieldError(at + "[" + j + "]", absent.apply(codes.get(j))));
			}
		}
	}

	private static boolean isOwnAncestor(UnitDetails unit, Function<String, @Nullable UnitDetails> lookup) {
		Set<String> seen = new HashSet<>();
		seen.add(unit.code());
		String parent = unit.parentCode();
		while (parent != null) {
			if (!seen.add(parent)) {
				return true;
			}
			UnitDetails ancestor = lookup.apply(parent);
			parent = (ancestor != null) ? ancestor.parentCode() : null;
		}
		return false;
	}

	/** The earlier parents: in order, without overlaps, inside the unit's days. */
	private static List<UnitDetails.ParentPeriod> parentHistory(UnitRequest request, List<FieldError> errors) {
		List<UnitRequest.@Nullable ParentPeriod> periods = request.parentHistory();
		if (periods == null || periods.isEmpty()
				|| errors.stream().anyMatch((error) -> error.field().equals("parentHistory"))) {
			return List.of();
		}
		if (request.kind() == UnitKind.PROVINCE) {
			add(errors, "parentHistory", "Tỉnh không có đơn vị cấp trên nên không có lịch sử đơn vị cấp trên.");
			return List.of();
		}
		LocalDate validFrom = request.validFrom();
		LocalDate validTo = request.validTo();
		List<UnitDetails.ParentPeriod> history = new ArrayList<>(periods.size());
		LocalDate previousTo = null;
		for (int j = 0; j < periods.size(); j++) {
			UnitRequest.ParentPeriod period = periods.get(j);
			String here = "parentHistory[" + j + "]";
			if (period == null) {
				previousTo = null;
				continue;
			}
			String parent = stripToNull(period.parentCode());
			if (parent != null && parent.equals(request.code())) {
				add(errors, here + ".parentCode", "Đơn vị không thể là cấp trên của chính nó.");
			}
			LocalDate from = period.from();
			LocalDate to = period.to();
			if (from != null && previousTo != null && !from.isAfter(previousTo)) {
				add(errors, here + ".from", "Các giai đoạn phải theo thứ tự thời gian và không chồng "
						+ "lên nhau: giai đoạn này phải bắt đầu sau " + previousTo + ".");
			}
			else if (from != null && validFrom != null && from.isBefore(validFrom)) {
				add(errors, here + ".from", "Giai đoạn không được bắt đầu trước ngày đơn vị bắt đầu tồn tại (validFrom "
						+ validFrom + ").");
			}
			if (to != null && from != null && to.isBefore(from)) {
				add(errors, here + ".to", "Ngày kết thúc giai đoạn không được trước ngày bắt đầu.");
			}
			else if (to != null && validTo != null && !to.isBefore(validTo)) {
				// The current parent (parentCode) holds from the day after the last
				// period to the unit's end: that span must have a day in it.
				add(errors, here + ".to", "Giai đoạn phải kết thúc trước ngày đơn vị kết thúc (validTo " + validTo
						+ "), vì đơn vị cấp trên hiện tại (parentCode) giữ từ sau giai đoạn cuối.");
			}
			previousTo = to;
			if (parent != null && from != null && to != null) {
				history.add(new UnitDetails.ParentPeriod(parent, from, to));
			}
		}
		return history;
	}

	/** The reorganisation links, stripped, none to the unit itself. */
	private static List<String> links(@Nullable List<@Nullable String> codes, @Nullable String self, String at,
			String selfMessage, List<FieldError> errors) {
		List<String> links = new ArrayList<>();
		for (int j = 0; codes != null && j < codes.size(); j++) {
			String code = stripToNull(codes.get(j));
			if (code != null && code.equals(self)) {
				add(errors, at + "[" + j + "]", selfMessage);
			}
			else if (code != null) {
				links.add(code);
			}
		}
		return links;
	}

	static @Nullable String stripToNull(@Nullable String text) {
		if (text == null) {
			return null;
		}
		String stripped = text.strip();
		return stripped.isEmpty() ? null : stripped;
	}

}
