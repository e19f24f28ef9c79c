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
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import vn.gov.cchc.events.UnitContacts;
import vn.gov.cchc.events.UnitDetails;
import vn.gov.cchc.events.UnitKind;
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

	static final int MAX_NAME_LENGTH = 200;

	static final int MAX_LINKS = 100;

	static final int MAX_PARENT_PERIODS = 50;

	static final int MAX_GROUPS = 50;

	static final int MAX_GROUP_MEMBERS = 100_000;

	private static final int MAX_EMAIL_LENGTH = 254;

	// Deliberately loose: one @, no spaces, a dot in the domain. Whether the mailbox
	// exists is only known when a reminder bounces.
	private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

	private static final Pattern PHONE = Pattern.compile("^\\+?[0-9]{9,15}$");

	// No dots: group names are keys of a MongoDB sub-document.
	private static final Pattern GROUP = Pattern.compile("^[a-z0-9][a-z0-9-]{0,39}$");

	static final String REQUIRED = "Trường này là bắt buộc.";

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
	 * Checks one unit on its own.
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
		int errorsBefore = errors.size();
		String code = request.code();
		if (code == null || code.isBlank()) {
			errors.add(new FieldError(path(at, "code"), REQUIRED));
		}
		else if (!UnitCodes.isWellFormed(code)) {
			errors.add(new FieldError(path(at, "code"), UnitCodes.MALFORMED));
		}
		String name = stripToNull(request.name());
		if (name == null) {
			errors.add(new FieldError(path(at, "name"), REQUIRED));
		}
		else if (name.length() > MAX_NAME_LENGTH) {
			errors.add(new FieldError(path(at, "name"), "Tên đơn vị tối đa " + MAX_NAME_LENGTH + " ký tự."));
		}
		UnitKind kind = request.kind();
		String parentCode = stripToNull(request.parentCode());
		if (kind == null) {
			errors.add(new FieldError(path(at, "kind"), REQUIRED));
		}
		else if (kind == UnitKind.PROVINCE && parentCode != null) {
			errors.add(new FieldError(path(at, "parentCode"), "Tỉnh không có đơn vị cấp trên."));
		}
		else if (kind != UnitKind.PROVINCE && parentCode == null) {
			errors.add(new FieldError(path(at, "parentCode"), "Đơn vị không phải tỉnh phải có đơn vị cấp trên."));
		}
		if (parentCode != null) {
			if (!UnitCodes.isWellFormed(parentCode)) {
				errors.add(new FieldError(path(at, "parentCode"), UnitCodes.MALFORMED));
			}
			else if (parentCode.equals(code)) {
				errors.add(new FieldError(path(at, "parentCode"), "Đơn vị không thể là cấp trên của chính nó."));
			}
		}
		LocalDate validFrom = request.validFrom();
		LocalDate validTo = request.validTo();
		if (validFrom == null) {
			errors.add(new FieldError(path(at, "validFrom"), REQUIRED));
		}
		else if (validTo != null && validTo.isBefore(validFrom)) {
			errors.add(new FieldError(path(at, "validTo"), "Ngày kết thúc không được trước ngày bắt đầu (validFrom)."));
		}
		UnitContacts contacts = contacts(request.contacts(), path(at, "contacts"), errors);
		List<UnitDetails.ParentPeriod> parentHistory = parentHistory(request, code, kind, path(at, "parentHistory"),
				errors);
		List<String> predecessorCodes = links(request.predecessorCodes(), code, path(at, "predecessorCodes"),
				"Đơn vị không thể là tiền thân của chính nó.", errors);
		List<String> successorCodes = links(request.successorCodes(), code, path(at, "successorCodes"),
				"Đơn vị không thể là đơn vị kế thừa của chính nó.", errors);
		Map<String, Integer> groups = groups(request.groups(), path(at, "groups"), errors);
		if (errors.size() != errorsBefore) {
			return null;
		}
		return new UnitDetails(code, name, kind, parentCode, validFrom, validTo, contacts, parentHistory,
				predecessorCodes, successorCodes, groups);
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
		return new FieldError(path(at, "kind"), "Mã " + unit.code() + " đã thuộc về một đơn vị loại " + stored.kind()
				+ " (" + stored.name() + "); mã đơn vị không bao giờ được dùng lại.");
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
				errors.add(new FieldError(path(at, "parentCode"), absent.apply(unit.parentCode())));
			}
			else if (isOwnAncestor(unit, lookup)) {
				errors.add(new FieldError(path(at, "parentCode"), "Đơn vị cấp trên này làm cây đơn vị có vòng lặp."));
			}
		}
		List<UnitDetails.ParentPeriod> history = unit.parentHistory();
		for (int j = 0; j < history.size(); j++) {
			String parent = history.get(j).parentCode();
			if (parent != null && lookup.apply(parent) == null) {
				errors.add(new FieldError(path(at, "parentHistory[" + j + "].parentCode"), absent.apply(parent)));
			}
		}
		addAbsentLinks(unit.predecessorCodes(), path(at, "predecessorCodes"), lookup, absent, errors);
		addAbsentLinks(unit.successorCodes(), path(at, "successorCodes"), lookup, absent, errors);
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

	/** {@code field} inside {@code at}: {@code [2].name}, or {@code name} at the top. */
	static String path(String at, String field) {
		return at.isEmpty() ? field : at + "." + field;
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

	private static List<UnitDetails.ParentPeriod> parentHistory(UnitRequest request, @Nullable String code,
			@Nullable UnitKind kind, String at, List<FieldError> errors) {
		List<UnitRequest.@Nullable ParentPeriod> periods = request.parentHistory();
		if (periods == null || periods.isEmpty()) {
			return List.of();
		}
		if (kind == UnitKind.PROVINCE) {
			errors.add(new FieldError(at, "Tỉnh không có đơn vị cấp trên nên không có lịch sử đơn vị cấp trên."));
			return List.of();
		}
		if (periods.size() > MAX_PARENT_PERIODS) {
			errors.add(new FieldError(at, "Tối đa " + MAX_PARENT_PERIODS + " giai đoạn."));
			return List.of();
		}
		LocalDate validFrom = request.validFrom();
		LocalDate validTo = request.validTo();
		List<UnitDetails.ParentPeriod> history = new ArrayList<>(periods.size());
		LocalDate previousTo = null;
		for (int j = 0; j < periods.size(); j++) {
			UnitRequest.ParentPeriod period = periods.get(j);
			String here = at + "[" + j + "]";
			if (period == null) {
				errors.add(new FieldError(here, "Phần tử phải là một giai đoạn, không được là null."));
				previousTo = null;
				continue;
			}
			String parent = stripToNull(period.parentCode());
			if (parent == null) {
				errors.add(new FieldError(here + ".parentCode", REQUIRED));
			}
			else if (!UnitCodes.isWellFormed(parent)) {
				errors.add(new FieldError(here + ".parentCode", UnitCodes.MALFORMED));
			}
			else if (parent.equals(code)) {
				errors.add(new FieldError(here + ".parentCode", "Đơn vị không thể là cấp trên của chính nó."));
			}
			LocalDate from = period.from();
			LocalDate to = period.to();
			if (from == null) {
				errors.add(new FieldError(here + ".from", REQUIRED));
			}
			else if (previousTo != null && !from.isAfter(previousTo)) {
				errors.add(new FieldError(here + ".from", "Các giai đoạn phải theo thứ tự thời gian và không chồng "
						+ "lên nhau: giai đoạn này phải bắt đầu sau " + previousTo + "."));
			}
			else if (validFrom != null && from.isBefore(validFrom)) {
				errors.add(new FieldError(here + ".from",
						"Giai đoạn không được bắt đầu trước ngày đơn vị bắt đầu tồn tại (validFrom " + validFrom
								+ ")."));
			}
			if (to == null) {
				errors.add(new FieldError(here + ".to", REQUIRED));
			}
			else if (from != null && to.isBefore(from)) {
				errors.add(new FieldError(here + ".to", "Ngày kết thúc giai đoạn không được trước ngày bắt đầu."));
			}
			else if (validTo != null && !to.isBefore(validTo)) {
				// The current parent (parentCode) holds from the day after the last
				// period to the unit's end: that span must have a day in it.
				errors.add(new FieldError(here + ".to", "Giai đoạn phải kết thúc trước ngày đơn vị kết thúc (validTo "
						+ validTo + "), vì đơn vị cấp trên hiện tại (parentCode) giữ từ sau giai đoạn cuối."));
			}
			previousTo = to;
			if (parent != null && from != null && to != null) {
				history.add(new UnitDetails.ParentPeriod(parent, from, to));
			}
		}
		return history;
	}

	private static List<String> links(@Nullable List<@Nullable String> codes, @Nullable String self, String at,
			String selfMessage, List<FieldError> errors) {
		if (codes == null || codes.isEmpty()) {
			return List.of();
		}
		if (codes.size() > MAX_LINKS) {
			errors.add(new FieldError(at, "Tối đa " + MAX_LINKS + " mã đơn vị."));
			return List.of();
		}
		List<String> links = new ArrayList<>(codes.size());
		Set<String> seen = new HashSet<>();
		for (int j = 0; j < codes.size(); j++) {
			String code = stripToNull(codes.get(j));
			String here = at + "[" + j + "]";
			if (code == null) {
				errors.add(new FieldError(here, REQUIRED));
			}
			else if (!UnitCodes.isWellFormed(code)) {
				errors.add(new FieldError(here, UnitCodes.MALFORMED));
			}
			else if (code.equals(self)) {
				errors.add(new FieldError(here, selfMessage));
			}
			else if (!seen.add(code)) {
				errors.add(new FieldError(here, "Mã đơn vị " + code + " đã có trong danh sách."));
			}
			else {
				links.add(code);
			}
		}
		return links;
	}

	private static Map<String, Integer> groups(@Nullable Map<String, @Nullable Integer> groups, String at,
			List<FieldError> errors) {
		if (groups == null || groups.isEmpty()) {
			return Map.of();
		}
		if (groups.size() > MAX_GROUPS) {
			errors.add(new FieldError(at, "Tối đa " + MAX_GROUPS + " nhóm."));
			return Map.of();
		}
		Map<String, Integer> valid = new HashMap<>();
		groups.forEach((name, members) -> {
			String here = at + "." + name;
			if (!GROUP.matcher(name).matches()) {
				errors.add(new FieldError(here, "Tên nhóm gồm 1–40 ký tự: chữ thường không dấu, chữ số hoặc gạch "
						+ "ngang, bắt đầu bằng chữ hoặc số (ví dụ commune-radio-stations)."));
			}
			else if (members == null) {
				errors.add(new FieldError(here, REQUIRED));
			}
			else if (members < 0 || members > MAX_GROUP_MEMBERS) {
				errors.add(new FieldError(here, "Số thành viên của nhóm từ 0 đến " + MAX_GROUP_MEMBERS + "."));
			}
			else {
				valid.put(name, members);
			}
		});
		return valid;
	}

	private static UnitContacts contacts(UnitRequest.@Nullable Contacts contacts, String at, List<FieldError> errors) {
		if (contacts == null) {
			return new UnitContacts(null, null, null);
		}
		String person = stripToNull(contacts.person());
		if (person != null && person.length() > MAX_NAME_LENGTH) {
			errors.add(new FieldError(at + ".person", "Tên người liên hệ tối đa " + MAX_NAME_LENGTH + " ký tự."));
		}
		String email = stripToNull(contacts.email());
		if (email != null && (email.length() > MAX_EMAIL_LENGTH || !EMAIL.matcher(email).matches())) {
			errors.add(new FieldError(at + ".email", "Địa chỉ email không hợp lệ."));
		}
		String phone = stripToNull(contacts.phone());
		if (phone != null && !PHONE.matcher(phone).matches()) {
			errors.add(new FieldError(at + ".phone",
					"Số điện thoại gồm 9–15 chữ số, có thể bắt đầu bằng dấu +, không có khoảng trắng."));
		}
		return new UnitContacts(person, email, phone);
	}

	static @Nullable String stripToNull(@Nullable String text) {
		if (text == null) {
			return null;
		}
		String stripped = text.strip();
		return stripped.isEmpty() ? null : stripped;
	}

}
