package vn.gov.cchc.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;

import org.springframework.beans.TypeMismatchException;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.util.ClassUtils;
import org.springframework.validation.Errors;
import org.springframework.validation.ObjectError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Renders every error of a servlet service as a problem of the platform's vocabulary,
 * Spring MVC's own included (an unknown path, a wrong method, a body that is not JSON, a
 * missing parameter, a Bean Validation failure), so that a client never sees another
 * format, never a stack trace, and never a 500 for what it sent. The only controller
 * advice of a service besides platform-security's, which answers 401 and 403 first.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

	private static final Logger logger = LoggerFactory.getLogger(ProblemHandler.class);

	private static final boolean BEAN_VALIDATION = ClassUtils
		.isPresent("jakarta.validation.ConstraintViolationException", ProblemHandler.class.getClassLoader());

	private final List<ExceptionProblems> mappings;

	ProblemHandler(List<ExceptionProblems> mappings) {
		this.mappings = List.copyOf(mappings);
	}

	@ExceptionHandler(ProblemException.class)
	ResponseEntity<Object> problem(ProblemException ex, HttpServletRequest request) {
		return render(ex.getProblem(), ex.getHeaders(), request);
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<Object> unexpected(Exception ex, HttpServletRequest request) {
		ProblemException problem = findCause(ex, ProblemException.class);
		if (problem != null) {
			return problem(problem, request);
		}
		List<FieldError> violations = BEAN_VALIDATION ? ConstraintViolations.errorsIn(ex) : null;
		if (violations != null) {
			return render(Problems.invalid(violations), HttpHeaders.EMPTY, request);
		}
		for (ExceptionProblems mapping : this.mappings) {
			ProblemException mapped = mapping.problemFor(ex);
			if (mapped != null) {
				logger.warn("Answering {} to {} {}: {}", mapped.getProblem().getStatus(), request.getMethod(),
						request.getRequestURI(), ex.getMessage());
				return problem(mapped, request);
			}
		}
		logger.error("Unexpected failure of {} {}", request.getMethod(), request.getRequestURI(), ex);
		return render(Problems.internalError("Máy chủ gặp lỗi ngoài dự kiến; vui lòng thử lại sau."), HttpHeaders.EMPTY,
				request);
	}

	/**
	 * The converters wrap what went wrong while reading the body: Jackson's exception for
	 * bad JSON or a value of the wrong type (with the path of the value), or a
	 * {@link ProblemException} thrown by the stream that caps the body.
	 */
	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ProblemException problem = findCause(ex, ProblemException.class);
		if (problem != null) {
			return render(problem.getProblem(), problem.getHeaders(), servletRequest(request));
		}
		JacksonException jackson = findCause(ex, JacksonException.class);
		FieldError error = (jackson != null) ? JsonReadErrors.of(jackson)
				: new FieldError(FieldError.BODY, "Thiếu nội dung yêu cầu hoặc nội dung không đọc được.");
		return render(Problems.unreadable(error), HttpHeaders.EMPTY, servletRequest(request));
	}

	/** A {@code @Valid} body whose fields break their constraints. */
	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return render(Problems.invalid(errorsOf(ex.getBindingResult(), FieldError.BODY)), HttpHeaders.EMPTY,
				servletRequest(request));
	}

	/** Constraints on a controller method's parameters (or on a body's fields). */
	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<FieldError> errors = new ArrayList<>();
		for (ParameterValidationResult result : ex.getParameterValidationResults()) {
			String name = parameterName(result.getMethodParameter());
			if (result instanceof ParameterErrors bean) {
				errors.addAll(errorsOf(bean, name));
				continue;
			}
			String field = (result.getContainerIndex() != null) ? name + "[" + result.getContainerIndex() + "]"
					: (result.getContainerKey() != null) ? name + "[" + result.getContainerKey() + "]" : name;
			result.getResolvableErrors().forEach((error) -> errors.add(new FieldError(field, message(error))));
		}
		return render(Problems.invalid(errors), HttpHeaders.EMPTY, servletRequest(request));
	}

	@Override
	protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return render(Problems.invalid(List.of(new FieldError(ex.getParameterName(), "Thiếu tham số bắt buộc."))),
				HttpHeaders.EMPTY, servletRequest(request));
	}

	@Override
	protected ResponseEntity<Object> handleServletRequestBindingException(ServletRequestBindingException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		if (ex instanceof MissingRequestHeaderException header) {
			return render(Problems.invalid(List.of(new FieldError(header.getHeaderName(), "Thiếu tiêu đề bắt buộc."))),
					HttpHeaders.EMPTY, servletRequest(request));
		}
		return super.handleServletRequestBindingException(ex, headers, status, request);
	}

	/** A query parameter or path variable that does not convert, e.g. a date. */
	@Override
	protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		String field = (ex.getPropertyName() != null) ? ex.getPropertyName() : FieldError.BODY;
		return render(Problems.invalid(List.of(new FieldError(field, JsonReadErrors.expected(ex.getRequiredType())))),
				HttpHeaders.EMPTY, servletRequest(request));
	}

	@Override
	protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return render(Problems.payloadTooLarge(ex.getMaxUploadSize()), HttpHeaders.EMPTY, servletRequest(request));
	}

	/** Every other error of Spring MVC, by its status. */
	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, @Nullable Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		return render(framework(statusCode), headers, servletRequest(request));
	}

	/** The problem of a status the framework or the container answered. */
	static ProblemDetail framework(HttpStatusCode status) {
		return switch (status.value()) {
			case 404 -> Problems.NOT_FOUND.problem("Không có tài nguyên nào ở địa chỉ này.", List.of());
			case 405 ->
				Problems.METHOD_NOT_ALLOWED.problem("Địa chỉ này không nhận phương thức HTTP đã dùng.", List.of());
			case 406 -> Problems.NOT_ACCEPTABLE.problem("Dịch vụ chỉ trả về JSON.", List.of());
			case 415 -> Problems.UNSUPPORTED_MEDIA_TYPE.problem(
					"Nội dung gửi lên phải là JSON (Content-Type: application/json).",
					List.of(new FieldError(HttpHeaders.CONTENT_TYPE, "Phải là application/json.")));
			case 413 ->
				Problems.PAYLOAD_TOO_LARGE.problem("Nội dung yêu cầu vượt quá giới hạn của dịch vụ.", List.of());
			default -> status.is4xxClientError()
					? new ProblemType(status, Problems.BAD_REQUEST.slug(), Problems.BAD_REQUEST.title())
						.problem("Yêu cầu không đúng với giao diện của dịch vụ.", List.of())
					: new ProblemType(status, Problems.INTERNAL_ERROR.slug(), Problems.INTERNAL_ERROR.title())
						.problem("Máy chủ gặp lỗi ngoài dự kiến; vui lòng thử lại sau.", List.of());
		};
	}

	private static List<FieldError> errorsOf(Errors errors, String objectField) {
		List<FieldError> fields = new ArrayList<>();
		for (ObjectError error : errors.getAllErrors()) {
			String field = (error instanceof org.springframework.validation.FieldError fieldError)
					? fieldError.getField() : objectField;
			fields.add(new FieldError(field, message(error)));
		}
		return fields;
	}

	private static String message(org.springframework.context.MessageSourceResolvable error) {
		String message = error.getDefaultMessage();
		return (message != null && !message.isBlank()) ? message : "Giá trị không hợp lệ.";
	}

	/**
	 * The name a client knows: a parameter's or header's as declared, else the Java one.
	 */
	private static String parameterName(MethodParameter parameter) {
		RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
		if (param != null && !param.name().isEmpty()) {
			return param.name();
		}
		PathVariable variable = parameter.getParameterAnnotation(PathVariable.class);
		if (variable != null && !variable.name().isEmpty()) {
			return variable.name();
		}
		RequestHeader header = parameter.getParameterAnnotation(RequestHeader.class);
		if (header != null && !header.name().isEmpty()) {
			return header.name();
		}
		String name = parameter.getParameterName();
		return (name != null) ? name : FieldError.BODY;
	}

	private static ResponseEntity<Object> render(ProblemDetail problem, HttpHeaders headers,
			@Nullable HttpServletRequest request) {
		if (request != null) {
			request.setAttribute(Problems.ANSWERED_SLUG_ATTRIBUTE, Problems.slugOf(problem));
			if (problem.getInstance() == null) {
				problem.setInstance(instance(request));
			}
		}
		return ResponseEntity.status(problem.getStatus())
			.headers(headers)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem);
	}

	private static @Nullable URI instance(HttpServletRequest request) {
		try {
			return URI.create(request.getRequestURI());
		}
		catch (IllegalArgumentException ex) {
			// A path that is no valid URI reference is left out rather than failing the
			// error response itself.
			return null;
		}
	}

	private static @Nullable HttpServletRequest servletRequest(WebRequest request) {
		return (request instanceof NativeWebRequest nativeRequest)
				? nativeRequest.getNativeRequest(HttpServletRequest.class) : null;
	}

	static <T extends Throwable> @Nullable T findCause(Throwable ex, Class<T> type) {
		for (Throwable current = ex; current != null; current = current.getCause()) {
			if (type.isInstance(current)) {
				return type.cast(current);
			}
			if (current.getCause() == current) {
				break;
			}
		}
		return null;
	}

}
