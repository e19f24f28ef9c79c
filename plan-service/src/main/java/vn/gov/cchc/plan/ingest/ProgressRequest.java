package vn.gov.cchc.plan.ingest;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A progress report as sent to {@code POST /api/v1/progress}. Everything is nullable so
 * that {@link ProgressRequestValidator} can name every missing field at once; values of
 * the wrong JSON type are refused while reading (see the strict {@code spring.jackson}
 * settings). Unknown fields are ignored.
 */
record ProgressRequest(@Nullable String eventId, @Nullable String unitCode, @Nullable String planId,
		@Nullable String activityId, @Nullable LocalDate date, @Nullable Map<String, @Nullable Long> quantities,
		@Nullable List<@Nullable String> evidence, @Nullable Long budgetSpentVnd, @Nullable String reporter) {

}
