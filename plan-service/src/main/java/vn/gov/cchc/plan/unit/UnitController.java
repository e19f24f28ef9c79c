package vn.gov.cchc.plan.unit;

import java.util.List;

import org.jspecify.annotations.Nullable;
import vn.gov.cchc.plan.problem.ProblemException;
import vn.gov.cchc.plan.problem.Problems;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The unit tree over HTTP.
 */
@RestController
@RequestMapping(path = "/api/v1/units", produces = MediaType.APPLICATION_JSON_VALUE)
class UnitController {

	private final UnitRegistration registration;

	private final Units units;

	UnitController(UnitRegistration registration, Units units) {
		this.registration = registration;
		this.units = units;
	}

	/**
	 * Registers new units and changes known ones. 202 because the reads catch up from the
	 * topic a moment after the broker acknowledged the events.
	 */
	@PutMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<RegistrationResult> registerOrChange(@RequestBody List<@Nullable UnitRequest> units) {
		return ResponseEntity.accepted().body(this.registration.register(units));
	}

	@GetMapping
	List<UnitView> all() {
		return this.units.findAll().stream().map(UnitView::of).toList();
	}

	@GetMapping("/{code}")
	UnitView one(@PathVariable String code) {
		return this.units.find(code)
			.map(UnitView::of)
			.orElseThrow(() -> new ProblemException(Problems.notFound("unit-not-found", "Không tìm thấy đơn vị",
					"Không có đơn vị nào mang mã " + code + ".")));
	}

}
