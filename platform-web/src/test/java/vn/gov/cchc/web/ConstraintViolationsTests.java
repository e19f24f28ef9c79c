package vn.gov.cchc.web;

import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one way a field at fault is named, for the handler and for the services that call
 * the validator themselves: as the JSON path a client sent.
 */
class ConstraintViolationsTests {

	private final Validator validator = Validation.buildDefaultValidatorFactory().getValidator();

	@Test
	void namesListItemsByIndexAndMapEntriesByKeyAsJsonObjectsAre() {
		Request request = new Request(" ", List.of(new Activity(" ")), Map.of("minutes", -1, "BAD KEY", 2));

		assertThat(this.validator.validate(request).stream().map(ConstraintViolations::path))
			.containsExactlyInAnyOrder("title", "activities[0].name", "quantities.minutes", "quantities.BAD KEY");
	}

	record Request(@NotBlank String title, List<@Valid Activity> activities,
			Map<@Pattern(regexp = "[a-z]+") String, @Positive Integer> quantities) {
	}

	record Activity(@NotBlank String name) {
	}

}
