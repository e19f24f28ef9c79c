package vn.gov.cchc.plan.unit;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import vn.gov.cchc.events.UnitKind;
import vn.gov.cchc.web.FieldError;
import vn.gov.cchc.web.ProblemException;
import vn.gov.cchc.web.Problems;

import org.springframework.http.HttpStatus;

/**
 * Units as CSV (UTF-8, RFC 4180, a header row naming the columns), read into
 * {@link ImportRow}s.
 *
 * <p>
 * Why: docs/units.md, "Units as CSV (UnitCsv)".
 */
final class UnitCsv {

	static final List<String> COLUMNS = List.of("code", "name", "kind", "parentCode", "validFrom", "validTo",
			"contactPerson", "email", "phone", "groups", "predecessorCodes", "successorCodes", "parentHistory");

	static final List<String> REQUIRED_COLUMNS = List.of("code", "name", "kind", "validFrom");

	private static final Map<String, String> COLUMN_BY_LOWER_CASE = COLUMNS.stream()
		.collect(Collectors.toMap((column) -> column.toLowerCase(Locale.ROOT), (column) -> column));

	private static final String DATE = "Phải là một ngày có thật dạng YYYY-MM-DD.";

	private UnitCsv() {
	}

	/**
	 * Reads the rows of a file.
	 * @throws ProblemException 400 if the file cannot be read as a whole
	 */
	static List<ImportRow> read(byte[] body) {
		List<Record> records = records(decode(body));
		if (records.isEmpty()) {
			throw problem(new FieldError("header", "Tệp trống: dòng đầu tiên phải là dòng tiêu đề, ví dụ "
					+ String.join(",", REQUIRED_COLUMNS) + "."));
		}
		List<String> header = header(records.get(0));
		List<ImportRow> rows = new ArrayList<>(records.size() - 1);
		for (Record record : records.subList(1, records.size())) {
			if (record.cells().stream().allMatch(String::isBlank)) {
				continue;
			}
			rows.add(row(record, header));
		}
		return rows;
	}

	/**
	 * The CSV column an error of {@link UnitRequestValidator} is about: the contacts are
	 * columns of their own, and a path inside a column (a group, the n-th code) is kept
	 * in the message.
	 */
	static FieldError toColumn(FieldError error) {
		String path = error.field();
		String column = switch (path) {
			case "contacts.person" -> "contactPerson";
			case "contacts.email" -> "email";
			case "contacts.phone" -> "phone";
			default -> path.split("[.\\[]", 2)[0];
		};
		if (column.equals(path) || path.startsWith("contacts.")) {
			return new FieldError(column, error.message());
		}
		return new FieldError(column, error.message() + " (" + path + ")");
	}

	private static String decode(byte[] body) {
		try {
			String text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(body))
				.toString();
			return text.startsWith("\uFEFF") ? text.substring(1) : text;
		}
		catch (MalformedInputException ex) {
			throw problem(new FieldError(FieldError.BODY,
					"Tệp phải được mã hóa UTF-8; có byte không hợp lệ trong tệp. Hãy lưu lại tệp với mã hóa UTF-8."));
		}
		catch (CharacterCodingException ex) {
			throw problem(new FieldError(FieldError.BODY, "Tệp phải được mã hóa UTF-8."));
		}
	}

	private static List<String> header(Record record) {
		List<FieldError> errors = new ArrayList<>();
		List<String> header = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < record.cells().size(); i++) {
			String name = record.cells().get(i).strip();
			String column = COLUMN_BY_LOWER_CASE.get(name.toLowerCase(Locale.ROOT));
			if (column == null) {
				errors.add(new FieldError("header[" + i + "]",
						"Cột không được hỗ trợ: \"" + name + "\". Các cột: " + String.join(", ", COLUMNS) + "."));
			}
			else if (!seen.add(column)) {
				errors.add(new FieldError("header[" + i + "]", "Cột " + column + " xuất hiện hai lần."));
			}
			header.add(column);
		}
		List<String> missing = REQUIRED_COLUMNS.stream().filter((column) -> !seen.contains(column)).toList();
		if (!missing.isEmpty()) {
			errors.add(new FieldError("header", "Thiếu cột bắt buộc: " + String.join(", ", missing) + "."));
		}
		if (!errors.isEmpty()) {
			throw problem(errors.toArray(FieldError[]::new));
		}
		return header;
	}

	private static ImportRow row(Record record, List<String> header) {
		List<FieldError> errors = new ArrayList<>();
		if (record.error() != null) {
			errors.add(record.error());
		}
		if (record.cells().size() != header.size()) {
			errors.add(new FieldError("row",
					"Dòng có " + record.cells().size() + " ô nhưng dòng tiêu đề có " + header.size() + " cột."));
			return new ImportRow(record.number(), null, null, errors);
		}
		Map<String, String> cells = new HashMap<>();
		for (int i = 0; i < header.size(); i++) {
			cells.put(header.get(i), record.cells().get(i));
		}
		String code = UnitRequestValidator.stripToNull(cells.get("code"));
		UnitKind kind = kind(cells.get("kind"), errors);
		LocalDate validFrom = date(cells.get("validFrom"), "validFrom", errors);
		LocalDate validTo = date(cells.get("validTo"), "validTo", errors);
		String person = cells.get("contactPerson");
		String email = cells.get("email");
		String phone = cells.get("phone");
		UnitRequest.Contacts contacts = (isBlank(person) && isBlank(email) && isBlank(phone)) ? null
				: new UnitRequest.Contacts(person, email, phone);
		UnitRequest request = new UnitRequest(code, cells.get("name"), kind, cells.get("parentCode"), validFrom,
				validTo, contacts, parentHistory(cells.get("parentHistory"), errors),
				codes(cells.get("predecessorCodes")), codes(cells.get("successorCodes")),
				groups(cells.get("groups"), errors));
		return new ImportRow(record.number(), code, request, errors);
	}

	private static @Nullable UnitKind kind(@Nullable String cell, List<FieldError> errors) {
		String kind = UnitRequestValidator.stripToNull(cell);
		if (kind == null) {
			return null;
		}
		try {
			return UnitKind.valueOf(kind.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			errors.add(new FieldError("kind", "Loại đơn vị \"" + kind + "\" không hợp lệ; chỉ nhận một trong: "
					+ Arrays.stream(UnitKind.values()).map(Enum::name).collect(Collectors.joining(", ")) + "."));
			return null;
		}
	}

	private static @Nullable LocalDate date(@Nullable String cell, String column, List<FieldError> errors) {
		String text = UnitRequestValidator.stripToNull(cell);
		if (text == null) {
			return null;
		}
		try {
			return LocalDate.parse(text);
		}
		catch (DateTimeParseException ex) {
			errors.add(new FieldError(column, "\"" + text + "\": " + DATE));
			return null;
		}
	}

	private static @Nullable List<@Nullable String> codes(@Nullable String cell) {
		if (isBlank(cell)) {
			return null;
		}
		return Arrays.stream(cell.split(";")).map(String::strip).filter((code) -> !code.isEmpty()).toList();
	}

	private static @Nullable Map<String, @Nullable Integer> groups(@Nullable String cell, List<FieldError> errors) {
		if (isBlank(cell)) {
			return null;
		}
		Map<String, @Nullable Integer> groups = new LinkedHashMap<>();
		for (String entry : cell.split(";")) {
			if (entry.isBlank()) {
				continue;
			}
			String[] parts = entry.split("=", -1);
			String name = parts[0].strip();
			Integer members = (parts.length == 2) ? integer(parts[1].strip()) : null;
			if (members == null) {
				errors.add(new FieldError("groups",
						"\"" + entry.strip() + "\": mỗi nhóm ghi dạng tên=số, ví dụ commune-radio-stations=1."));
			}
			else if (groups.put(name, members) != null) {
				errors.add(new FieldError("groups", "Nhóm " + name + " được ghi hai lần."));
			}
		}
		return groups;
	}

	private static @Nullable Integer integer(String text) {
		try {
			return Integer.valueOf(text);
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static @Nullable List<UnitRequest.@Nullable ParentPeriod> parentHistory(@Nullable String cell,
			List<FieldError> errors) {
		if (isBlank(cell)) {
			return null;
		}
		List<UnitRequest.@Nullable ParentPeriod> periods = new ArrayList<>();
		for (String entry : cell.split(";")) {
			if (entry.isBlank()) {
				continue;
			}
			String[] parentAndDays = entry.split("=", -1);
			String[] days = (parentAndDays.length == 2) ? parentAndDays[1].split("/", -1) : new String[0];
			try {
				if (days.length != 2) {
					throw new DateTimeParseException("shape", entry, 0);
				}
				periods.add(new UnitRequest.ParentPeriod(parentAndDays[0].strip(), LocalDate.parse(days[0].strip()),
						LocalDate.parse(days[1].strip())));
			}
			catch (DateTimeParseException ex) {
				errors.add(new FieldError("parentHistory", "\"" + entry.strip()
						+ "\": mỗi giai đoạn ghi dạng mã-cấp-trên=từ-ngày/đến-ngày, ví dụ 256=2008-01-01/2025-06-30."));
			}
		}
		return periods;
	}

	private static boolean isBlank(@Nullable String text) {
		return text == null || text.isBlank();
	}

	private static ProblemException problem(FieldError... errors) {
		return new ProblemException(Problems.of(HttpStatus.BAD_REQUEST, "invalid-csv", "Không đọc được tệp CSV",
				"Tệp CSV phải mã hóa UTF-8, theo RFC 4180 và có dòng tiêu đề hợp lệ; xem danh sách lỗi.",
				List.of(errors)));
	}

	/**
	 * Splits the text into records.
	 * @throws ProblemException 400 if a quoted field is never closed
	 */
	static List<Record> records(String text) {
		List<Record> records = new ArrayList<>();
		List<String> cells = new ArrayList<>();
		StringBuilder cell = new StringBuilder();
		FieldError error = null;
		int number = 1;
		int length = text.length();
		int i = 0;
		if (length == 0) {
			return records;
		}
		while (true) {
			// At the start of a field.
			if (i < length && text.charAt(i) == '"') {
				int openedIn = number;
				i++;
				while (true) {
					if (i >= length) {
						throw problem(new FieldError(FieldError.BODY, "Dấu nháy kép mở ở bản ghi " + openedIn
								+ " (dòng tiêu đề là bản ghi 1) không được đóng."));
					}
					char c = text.charAt(i++);
					if (c == '"') {
						if (i < length && text.charAt(i) == '"') {
							cell.append('"');
							i++;
						}
						else {
							break;
						}
					}
					else {
						cell.append(c);
					}
				}
				// Anything between the closing quote and the next separator breaks RFC
				// 4180; it is kept and the row reports it.
				while (i < length && text.charAt(i) != ',' && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
					cell.append(text.charAt(i++));
					if (error == null) {
						error = new FieldError("row", "Ô thứ " + (cells.size() + 1)
								+ " có ký tự sau dấu nháy kép đóng; ô có dấu nháy kép phải đặt cả ô trong nháy kép.");
					}
				}
			}
			else {
				while (i < length && text.charAt(i) != ',' && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
					char c = text.charAt(i++);
					if (c == '"' && error == null) {
						error = new FieldError("row", "Ô thứ " + (cells.size() + 1)
								+ " có dấu nháy kép nhưng không đặt trong nháy kép; hãy đặt cả ô trong nháy kép và "
								+ "viết mỗi dấu nháy kép trong ô thành hai dấu (\"\").");
					}
					cell.append(c);
				}
			}
			cells.add(cell.toString());
			cell.setLength(0);
			if (i < length && text.charAt(i) == ',') {
				i++;
				continue;
			}
			// End of a record: a line break or the end of the text.
			records.add(new Record(number++, List.copyOf(cells), error));
			cells.clear();
			error = null;
			if (i < length && text.charAt(i) == '\r') {
				i++;
			}
			if (i < length && text.charAt(i) == '\n') {
				i++;
			}
			if (i >= length) {
				return records;
			}
		}
	}

	/**
	 * One record of the file.
	 *
	 * @param number its number, the header being 1
	 * @param cells its fields, unquoted
	 * @param error how it breaks RFC 4180, if it does
	 */
	record Record(int number, List<String> cells, @Nullable FieldError error) {

	}

}
