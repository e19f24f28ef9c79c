package vn.gov.cchc.plan.unit;

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
import vn.gov.cchc.plan.problem.FieldError;
import vn.gov.cchc.plan.problem.ProblemException;
import vn.gov.cchc.plan.problem.Problems;

/**
 * The rules a batch of units must keep. {@link #toUnits} checks each unit on its own (400
 * when broken); {@link #checkTree} checks that the batch fits the tree already known (422
 * when it does not): every parent exists, here or in the batch, and no unit becomes its
 * own ancestor. Paths in the errors are JSON paths into the batch array, e.g.
 * {@code [3].parentCode}.
 */
class UnitRequestValidator {

	static final int MAX_NAME_LENGTH = 200;

	private static final int MAX_EMAIL_LENGTH = 254;

	// Deliberately loose: one @, no spaces, a dot in the domain. Whether the mailbox
	// exists is only known when a reminder bounces.
	private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

	private static final Pattern PHONE = Pattern.compile("^\\+?[0-9]{9,15}$");

	private static final String REQUIRED = "Trường này là bắt buộc.";

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
			UnitRequest request = batch.get(i);
			String at = "[" + i + "]";
			if (request == null) {
				errors.add(new FieldError(at, "Phần tử phải là một đơn vị, không được là null."));
				continue;
			}
			int errorsBefore = errors.size();
			String code = request.code();
			if (code == null || code.isBlank()) {
				errors.add(new FieldError(at + ".code", REQUIRED));
			}
			else if (!UnitCodes.isWellFormed(code)) {
				errors.add(new FieldError(at + ".code", UnitCodes.MALFORMED));
			}
			else {
				Integer first = firstIndexOfCode.putIfAbsent(code, i);
				if (first != null) {
					errors.add(new FieldError(at + ".code", "Mã đơn vị trùng với phần tử [" + first + "] của lô."));
				}
			}
			String name = stripToNull(request.name());
			if (name == null) {
				errors.add(new FieldError(at + ".name", REQUIRED));
			}
			else if (name.length() > MAX_NAME_LENGTH) {
				errors.add(new FieldError(at + ".name", "Tên đơn vị tối đa " + MAX_NAME_LENGTH + " ký tự."));
			}
			UnitKind kind = request.kind();
			String parentCode = stripToNull(request.parentCode());
			if (kind == null) {
				errors.add(new FieldError(at + ".kind", REQUIRED));
			}
			else if (kind == UnitKind.PROVINCE && parentCode != null) {
				errors.add(new FieldError(at + ".parentCode", "Tỉnh không có đơn vị cấp trên."));
			}
			else if (kind != UnitKind.PROVINCE && parentCode == null) {
				errors.add(new FieldError(at + ".parentCode", "Đơn vị không phải tỉnh phải có đơn vị cấp trên."));
			}
			if (parentCode != null) {
				if (!UnitCodes.isWellFormed(parentCode)) {
					errors.add(new FieldError(at + ".parentCode", UnitCodes.MALFORMED));
				}
				else if (parentCode.equals(code)) {
					errors.add(new FieldError(at + ".parentCode", "Đơn vị không thể là cấp trên của chính nó."));
				}
			}
			if (request.validFrom() == null) {
				errors.add(new FieldError(at + ".validFrom", REQUIRED));
			}
			else if (request.validTo() != null && request.validTo().isBefore(request.validFrom())) {
				errors.add(new FieldError(at + ".validTo", "Ngày kết thúc không được trước ngày bắt đầu (validFrom)."));
			}
			UnitContacts contacts = contacts(request.contacts(), at + ".contacts", errors);
			if (errors.size() == errorsBefore) {
				units.add(new UnitDetails(code, name, kind, parentCode, request.validFrom(), request.validTo(),
						contacts));
			}
		}
		if (!errors.isEmpty()) {
			throw new ProblemException(Problems.invalid(errors));
		}
		return units;
	}

	/**
	 * Checks that the batch fits the known tree.
	 * @param batch units that passed {@link #toUnits}, in batch order
	 * @param known looks up a unit already registered, or {@code null}
	 * @throws ProblemException 422 naming the {@code parentCode} of every unit whose
	 * parent is unknown or that would become its own ancestor
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
			UnitDetails unit = batch.get(i);
			if (unit.parentCode() == null) {
				continue;
			}
			String at = "[" + i + "].parentCode";
			if (lookup.apply(unit.parentCode()) == null) {
				errors.add(new FieldError(at,
						"Không có đơn vị cấp trên mã " + unit.parentCode() + " (chưa đăng ký và không có trong lô)."));
			}
			else if (isOwnAncestor(unit, lookup)) {
				errors.add(new FieldError(at, "Đơn vị cấp trên này làm cây đơn vị có vòng lặp."));
			}
		}
		if (!errors.isEmpty()) {
			throw new ProblemException(Problems.unprocessable("invalid-unit-tree", "Cây đơn vị không hợp lệ",
					"Lô đơn vị không khớp với cây đơn vị đã có; xem danh sách lỗi.", errors));
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

	private static @Nullable String stripToNull(@Nullable String text) {
		if (text == null) {
			return null;
		}
		String stripped = text.strip();
		return stripped.isEmpty() ? null : stripped;
	}

}
