package vn.gov.cchc.report.totals;

import java.util.List;
import java.util.TreeMap;

import vn.gov.cchc.events.UnitDetails;
import vn.gov.cchc.report.unit.Units;
import vn.gov.cchc.report.web.Requests;
import vn.gov.cchc.security.Caller;
import vn.gov.cchc.security.ReadScope;
import vn.gov.cchc.web.FieldError;
import vn.gov.cchc.web.ProblemException;
import vn.gov.cchc.web.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/totals/{unitCode}}: a unit's roll-up figures, for a caller whose
 * reading scope holds the unit. All-time totals name no day, so the scope follows the
 * unit's parents over its whole life ({@link Units#pathsEver()}).
 */
@RestController
class TotalsController {

	private final Units units;

	private final Totals totals;

	TotalsController(Units units, Totals totals) {
		this.units = units;
		this.totals = totals;
	}

	@GetMapping("/api/v1/totals/{unitCode}")
	TotalsResponse totals(Caller caller, @PathVariable String unitCode) {
		Requests.unitCode("unitCode", unitCode);
		UnitDetails unit = this.units.find(unitCode)
			.orElseThrow(() -> new ProblemException(Problems.of(HttpStatus.NOT_FOUND, "unknown-unit",
					"Không tìm thấy đơn vị", "Không có đơn vị nào mang mã " + unitCode + ".",
					List.of(new FieldError("unitCode", "Không có đơn vị với mã này")))));
		ReadScope.of(caller, this.units.pathsEver()).require("unitCode", unitCode);
		UnitTotals figures = this.totals.find(unitCode).orElseGet(() -> UnitTotals.none(unitCode));
		return new TotalsResponse(unitCode, unit.name(), figures.events(), figures.budgetSpentVnd(),
				new TreeMap<>(figures.quantities()));
	}

}
