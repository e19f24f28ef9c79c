package vn.gov.cchc.plan.ingest;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

import jakarta.validation.Validator;
import jakarta.validation.groups.Default;
import org.jspecify.annotations.Nullable;
import vn.gov.cchc.plan.validation.Violations;
import vn.gov.cchc.web.FieldError;
import vn.gov.cchc.web.ProblemException;
import vn.gov.cchc.web.Problems;

import org.springframework.stereotype.Component;

/**
 * The rules a progress report must keep on its own, before anything is looked up: those
 * of its shape are the annotations of {@link ProgressRequest}, for the kind of report
 * decided here; here are those between its fields. Every broken rule is reported at once,
 * each naming its field by JSON path.
 *
 * <p>
 * Free text ({@code reporter}, {@code note}, {@code reason}) is bounded and refused when
 * it holds control characters (a note or reason may have line breaks and tabs), invisible
 * direction overrides or broken UTF-16; otherwise it is kept exactly as sent and only
 * ever handled as a string value, never as a query, markup or a key. A JSON object where
 * text is expected (such as {@code {"$gt": ""}}) never gets here: reading the body
 * refuses it as a value of the wrong type.
 */
@Component
class ProgressRequestValidator {

	private final Validator shapes;

	ProgressRequestValidator(Clock clock) {
		this.shapes = Violations.validator(clock);
	}

	/**
	 * @return the report with defaults applied
	 * @throws ProblemException 400 naming every offending field
	 */
	ValidProgress validate(ProgressRequest request) {
		List<FieldError> errors = new ArrayList<>();
		ValidProgress.Kind kind = ValidProgress.Kind.RECORDED;
		if (request.correctsEventId() != null && request.retractsEventId() != null) {
			String both = "Một báo cáo chỉ sửa (correctsEventId) hoặc rút lại (retractsEventId), không cả hai.";
			errors.add(new FieldError("correctsEventId", both));
			errors.add(new FieldError("retractsEventId", both));
		}
		else if (request.correctsEventId() != null) {
			kind = ValidProgress.Kind.CORRECTION;
		}
		else if (request.retractsEventId() != null) {
			kind = ValidProgress.Kind.RETRACTION;
		}
		Class<?> values = (kind == ValidProgress.Kind.RETRACTION) ? ProgressRequest.Retraction.class
				: ProgressRequest.Values.class;
		List<FieldError> shapeErrors = Violations.errors(this.shapes.validate(request, Default.class, values), "");
		shapeErrors.removeIf((error) -> Violations.names(errors, error.field()));
		errors.addAll(shapeErrors);
		String refersTo = (kind == ValidProgress.Kind.CORRECTION) ? request.correctsEventId()
				: (kind == ValidProgress.Kind.RETRACTION) ? request.retractsEventId() : null;
		String refersAt = (kind == ValidProgress.Kind.CORRECTION) ? "correctsEventId" : "retractsEventId";
		if (refersTo != null && refersTo.equals(request.eventId()) && !Violations.names(errors, refersAt)) {
			errors.add(new FieldError(refersAt,
					"Báo cáo không thể sửa hay rút lại chính nó; hãy dùng một mã sự kiện mới (eventId)."));
		}
		if (!errors.isEmpty()) {
			errors.sort(Violations.inOrderOf(ProgressRequest.class));
			throw new ProblemException(Problems.invalid(errors));
		}
		if (kind == ValidProgress.Kind.RETRACTION) {
			return new ValidProgress(kind, request.eventId(), request.unitCode(), request.planId(),
					request.activityId(), null, new TreeMap<>(), List.of(), 0L, request.reporter(),
					blankToNull(request.note()), refersTo, request.reason());
		}
		return new ValidProgress(kind, request.eventId(), request.unitCode(), request.planId(), request.activityId(),
				request.date(), new TreeMap<>(request.quantities()),
				(request.evidence() != null) ? List.copyOf(request.evidence()) : List.of(),
				(request.budgetSpentVnd() != null) ? request.budgetSpentVnd() : 0L, request.reporter(),
				blankToNull(request.note()), refersTo, null);
	}

	private static @Nullable String blankToNull(@Nullable String text) {
		return (text == null || text.isBlank()) ? null : text;
	}

}
