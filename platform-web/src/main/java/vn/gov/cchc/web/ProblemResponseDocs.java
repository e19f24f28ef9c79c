package vn.gov.cchc.web;

import java.util.Map;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.http.ProblemDetail;

/**
 * Every error response in the API documents is an RFC 9457 problem: a response with a 4xx
 * or 5xx code is described as {@code application/problem+json} with the
 * {@link ProblemDetail} schema (springdoc would otherwise give it the endpoint's own
 * content), so that endpoints declare only the code and what it means. A response a
 * service already describes as a problem keeps its own schema.
 */
public class ProblemResponseDocs implements OpenApiCustomizer {

	private static final String SCHEMA = "ProblemDetail";

	ProblemResponseDocs() {
	}

	/**
	 * A problem response with the given description, for a customizer that adds responses
	 * springdoc cannot see (those of the security filters): whichever customizer runs
	 * first, the schema it refers to is in the document.
	 */
	public static ApiResponse problem(String description) {
		ApiResponse response = new ApiResponse().description(description);
		describeAsProblem(response);
		return response;
	}

	@Override
	public void customise(io.swagger.v3.oas.models.OpenAPI api) {
		if (api.getPaths() == null) {
			return;
		}
		Components components = (api.getComponents() != null) ? api.getComponents() : new Components();
		api.setComponents(components);
		if (components.getSchemas() == null || !components.getSchemas().containsKey(SCHEMA)) {
			Map<String, Schema> schemas = ModelConverters.getInstance().readAll(new AnnotatedType(ProblemDetail.class));
			schemas.forEach(components::addSchemas);
		}
		api.getPaths()
			.values()
			.stream()
			.flatMap((path) -> path.readOperations().stream())
			.filter((operation) -> operation.getResponses() != null)
			.flatMap((operation) -> operation.getResponses().entrySet().stream())
			.filter((response) -> isError(response.getKey()))
			.map(Map.Entry::getValue)
			.filter((response) -> response.getContent() == null || !response.getContent()
				.containsKey(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE))
			.forEach(ProblemResponseDocs::describeAsProblem);
	}

	private static boolean isError(String code) {
		return code.startsWith("4") || code.startsWith("5");
	}

	private static void describeAsProblem(ApiResponse response) {
		response
			.setContent(new Content().addMediaType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE,
					new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + SCHEMA))));
	}

}
