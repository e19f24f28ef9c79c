package vn.gov.cchc.plan.unit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import vn.gov.cchc.events.UnitDetails;
import vn.gov.cchc.web.FieldError;
import vn.gov.cchc.web.ProblemException;
import vn.gov.cchc.web.Problems;

import org.springframework.stereotype.Service;

/**
 * Imports units row by row: unlike {@code PUT /api/v1/units} (all or nothing), every row
 * that keeps the rules is published and every other row is reported with its reasons. The
 * rules are those of {@code PUT}, plus: a code that appears on more than one row is
 * refused on all of them (which of them is right cannot be known), and a row that refers
 * to a unit whose own row was refused is refused with that reason, unless that unit was
 * registered before. Refusals cascade until every accepted row refers only to registered
 * or accepted units.
 *
 * <p>
 * As for {@code PUT}, the events are the write: a broker failure half-way answers 503
 * with the rows sent so far published, and importing the same file again publishes only
 * what is still missing or different.
 */
@Service
class UnitImport {

	/** More than a whole country (about 11,000 units) in one file. */
	static final int MAX_ROWS = 20_000;

	private final UnitRequestValidator validator = new UnitRequestValidator();

	private final Units units;

	private final UnitRegistration registration;

	UnitImport(Units units, UnitRegistration registration) {
		this.units = units;
		this.registration = registration;
	}

	/**
	 * Validates the rows and publishes the valid ones.
	 * @param rows the rows as read
	 * @param naming turns the path of an error inside a unit into what the file calls it
	 * (the column of a CSV file)
	 */
	ImportResult importRows(List<ImportRow> rows, UnaryOperator<FieldError> naming) {
		if (rows.size() > MAX_ROWS) {
			throw new ProblemException(Problems.invalid(List.of(new FieldError(FieldError.BODY,
					"Tối đa " + MAX_ROWS + " đơn vị mỗi lần nhập; tệp có " + rows.size() + ". Hãy chia tệp."))));
		}
		Map<ImportRow, List<FieldError>> rejected = new LinkedHashMap<>();
		Map<String, Candidate> candidates = new LinkedHashMap<>();
		for (ImportRow row : rows) {
			List<FieldError> errors = new ArrayList<>(row.errors());
			UnitDetails unit = null;
			if (row.request() != null) {
				Set<String> unreadable = row.errors().stream().map(FieldError::field).collect(Collectors.toSet());
				List<FieldError> own = new ArrayList<>();
				unit = this.validator.toUnit(row.request(), "", own);
				// A cell that could not be read is also missing: say it once.
				own.stream().map(naming).filter((error) -> !unreadable.contains(error.field())).forEach(errors::add);
			}
			if (unit == null || !errors.isEmpty()) {
				rejected.put(row, errors);
			}
			else {
				candidates.put(row.code() + "@" + row.row(), new Candidate(row, unit));
			}
		}
		refuseRepeatedCodes(rows, candidates, rejected);

		// The registered units the rows name are read in one query, others (ancestors
		// further up) one by one as the checks climb, each at most once.
		Set<String> named = candidates.values().stream().flatMap(Candidate::codes).collect(Collectors.toSet());
		Map<String, UnitDetails> found = this.units.findAll(named);
		Map<String, Optional<UnitDetails>> read = new HashMap<>();
		named.forEach((code) -> read.put(code, Optional.ofNullable(found.get(code))));
		Function<String, @Nullable UnitDetails> known = (code) -> read.computeIfAbsent(code, this.units::find)
			.orElse(null);
		Map<String, Candidate> accepted = new LinkedHashMap<>();
		for (Candidate candidate : candidates.values()) {
			FieldError reused = this.validator.codeReused(candidate.unit(), known.apply(candidate.code()), "");
			if (reused != null) {
				rejected.put(candidate.row(), List.of(naming.apply(reused)));
			}
			else {
				accepted.put(candidate.code(), candidate);
			}
		}
		Map<String, Integer> rejectedRowOf = new HashMap<>();
		rejected.keySet()
			.stream()
			.filter((row) -> row.code() != null)
			.forEach((row) -> rejectedRowOf.putIfAbsent(row.code(), row.row()));
		Function<String, @Nullable UnitDetails> lookup = (code) -> {
			Candidate candidate = accepted.get(code);
			return (candidate != null) ? candidate.unit() : known.apply(code);
		};
		Function<String, String> absent = (code) -> rejectedRowOf.containsKey(code)
				? "Đơn vị mã " + code + " bị từ chối ở dòng " + rejectedRowOf.get(code)
						+ " và chưa được đăng ký trước đó."
				: "Không có đơn vị mã " + code + " (chưa đăng ký và không có trong tệp).";
		boolean refused;
		do {
			refused = false;
			for (Candidate candidate : List.copyOf(accepted.values())) {
				List<FieldError> errors = this.validator.referenceErrors(candidate.unit(), "", lookup, absent);
				if (!errors.isEmpty()) {
					accepted.remove(candidate.code());
					rejected.put(candidate.row(), errors.stream().map(naming).toList());
					rejectedRowOf.put(candidate.code(), candidate.row().row());
					refused = true;
				}
			}
		}
		while (refused);

		RegistrationResult published = this.registration.publish(
				accepted.values().stream().map(Candidate::unit).toList(),
				read.values()
					.stream()
					.flatMap(Optional::stream)
					.collect(Collectors.toMap(UnitDetails::code, Function.identity())));
		List<ImportResult.RejectedRow> report = rejected.entrySet()
			.stream()
			.map((entry) -> new ImportResult.RejectedRow(entry.getKey().row(), entry.getKey().code(), entry.getValue()))
			.sorted(Comparator.comparingInt(ImportResult.RejectedRow::row))
			.toList();
		return new ImportResult(published.registered(), published.changed(), published.unchanged(), report);
	}

	/** Refuses every row of a code that appears on more than one row. */
	private static void refuseRepeatedCodes(List<ImportRow> rows, Map<String, Candidate> candidates,
			Map<ImportRow, List<FieldError>> rejected) {
		Map<String, List<ImportRow>> rowsByCode = rows.stream()
			.filter((row) -> row.code() != null)
			.collect(Collectors.groupingBy(ImportRow::code, LinkedHashMap::new, Collectors.toList()));
		rowsByCode.forEach((code, same) -> {
			if (same.size() < 2) {
				return;
			}
			String numbers = same.stream().map((row) -> String.valueOf(row.row())).collect(Collectors.joining(", "));
			FieldError repeated = new FieldError("code", "Mã " + code + " xuất hiện ở nhiều dòng (" + numbers
					+ "); không biết dòng nào đúng nên các dòng này đều bị từ chối.");
			for (ImportRow row : same) {
				candidates.remove(row.code() + "@" + row.row());
				List<FieldError> errors = new ArrayList<>(rejected.getOrDefault(row, List.of()));
				errors.add(repeated);
				rejected.put(row, errors);
			}
		});
	}

	/** A row that is valid on its own. */
	private record Candidate(ImportRow row, UnitDetails unit) {

		String code() {
			return this.unit.code();
		}

		/** Its own code and every code it refers to. */
		java.util.stream.Stream<String> codes() {
			List<String> codes = new ArrayList<>();
			codes.add(this.unit.code());
			if (this.unit.parentCode() != null) {
				codes.add(this.unit.parentCode());
			}
			this.unit.parentHistory()
				.stream()
				.map(UnitDetails.ParentPeriod::parentCode)
				.filter((code) -> code != null)
				.forEach(codes::add);
			codes.addAll(this.unit.predecessorCodes());
			codes.addAll(this.unit.successorCodes());
			return codes.stream();
		}

	}

}
