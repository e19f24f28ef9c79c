package vn.gov.cchc.plan.validation;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import vn.gov.cchc.web.FieldError;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How violations become the errors of a problem: named by JSON path, once per field with
 * the most basic fault, in the order of the request's fields.
 */
class ViolationsTests {

	record Item(@NotBlank @Text(max = 5) @Nullable String name, @UnitCode @Nullable String unitCode) {

	}

	record Request(@NotBlank @Text(max = 10) @Nullable String title, @Day @Nullable LocalDate day,
			@Distinct @Nullable List<@NotNull @Valid @Nullable Item> items,
			@Nullable Map<@Metric String, @NotNull @Nullable Long> counts) {

	}

	@Test
	void namesEachFieldByItsJsonPathInTheOrderOfTheRequest() {
		List<@Nullable Item> items = new ArrayList<>(
				Arrays.asList(new Item("x", "bad code"), null, new Item("too long", null), new Item("x", "bad code")));
		Request request = new Request("Tiêu đề quá dài", LocalDate.of(1999, 12, 31), items,
				Map.of("Bad Name", 1L, "minutes", 2L));

		List<FieldError> errors = new ArrayList<>(Violations.errors(Violations.validator().validate(request), ""));
		errors.sort(Violations.inOrderOf(Request.class));

		assertThat(errors).extracting(FieldError::field)
			.containsExactly("title", "day", "items[0].unitCode", "items[1]", "items[2].name", "items[3]",
					"items[3].unitCode", "counts.Bad Name");
		assertThat(errors).extracting(FieldError::message)
			.contains("Tối đa 10 ký tự.", "Ngày phải trong khoảng 01/01/2000 đến 31/12/2100.",
					"Trường này là bắt buộc.", "Tối đa 5 ký tự.");
	}

	@Test
	void namesTheFieldsOfABatchItemInsideIt() {
		Request request = new Request(null, null, List.of(new Item(null, null)), null);

		assertThat(Violations.errors(Violations.validator().validate(request), "[2]")).extracting(FieldError::field)
			.containsExactlyInAnyOrder("[2].title", "[2].items[0].name");
		assertThat(Violations.path("", "[0].name")).isEqualTo("[0].name");
		assertThat(Violations.path("[2]", "body")).isEqualTo("[2]");
	}

	@Test
	void namesAFieldOnceWithItsMostBasicFault() {
		Request request = new Request(" ", null, null, null);

		assertThat(Violations.errors(Violations.validator().validate(request), ""))
			.containsExactly(new FieldError("title", "Trường này là bắt buộc."));
	}

	@Test
	void judgesTomorrowByTheValidatorsClockInVietnam() {
		record Report(@Day(min = "", max = Day.TOMORROW) LocalDate date) {
		}
		// 00:30 on 21 November in Vietnam, still the 20th in UTC.
		Clock clock = Clock.fixed(Instant.parse("2026-11-20T17:30:00Z"), ZoneOffset.UTC);

		assertThat(Violations.validator(clock).validate(new Report(LocalDate.of(2026, 11, 22)))).isEmpty();
		assertThat(Violations.validator(clock).validate(new Report(LocalDate.of(2026, 11, 23)))).hasSize(1);
	}

	@Test
	void everyMessageOfTheBundleIsVietnameseTextWithItsPlaceholdersClosed() {
		ResourceBundle bundle = ResourceBundle.getBundle("ValidationMessages");
		for (Enumeration<String> keys = bundle.getKeys(); keys.hasMoreElements();) {
			String message = bundle.getString(keys.nextElement());
			assertThat(message).isNotBlank().endsWith(".").doesNotContain("\uFFFD");
			assertThat(message.replaceAll("\\\\[{}]", "").chars().filter((c) -> c == '{').count())
				.isEqualTo(message.replaceAll("\\\\[{}]", "").chars().filter((c) -> c == '}').count());
		}
		assertThat(Violations.message("cchc.required")).isEqualTo("Trường này là bắt buộc.");
	}

}
