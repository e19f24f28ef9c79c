package vn.gov.cchc.notification.security;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import vn.gov.cchc.security.Caller;
import vn.gov.cchc.security.EndpointRules;
import vn.gov.cchc.security.Role;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * The coarse rules. Officers, reviewers and administrators read: {@code GET
 * /api/v1/contacts/{unitCode}}, {@code /api/v1/deliveries},
 * {@code /api/v1/deliveries/{id}} and {@code /api/v1/reminders}. Administrators also
 * decide on a delivery left in doubt ({@code POST /api/v1/deliveries/{id}/resolution}). A
 * machine client (a commune's own system) reads nothing here. Which units each of them
 * reads is decided by the endpoints. Every other method under {@code /api/v1} is refused,
 * so an endpoint that writes has to be given its rule when it is added.
 */
@Configuration(proxyBeanMethods = false)
public class NotificationSecurity {

	/** The name of the bearer scheme in the API document. */
	static final String BEARER = "bearer-jwt";

	static {
		// The caller comes from the token, not from a request parameter.
		SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
	}

	@Bean
	EndpointRules notificationEndpointRules() {
		return (requests) -> requests.requestMatchers(HttpMethod.POST, "/api/v1/deliveries/*/resolution")
			.hasRole(Role.ADMIN.name())
			.requestMatchers(HttpMethod.GET, "/api/v1/**")
			.hasAnyRole(Role.OFFICER.name(), Role.REVIEWER.name(), Role.ADMIN.name())
			.requestMatchers("/api/v1/**")
			.denyAll();
	}

	@Bean
	OpenAPI notificationOpenApi() {
		return new OpenAPI()
			.info(new Info().title("CCHC notification-service")
				.description("Thông tin liên hệ của đơn vị, lịch nhắc hạn và nhật ký gửi nhắc hạn. "
						+ "Mọi yêu cầu cần mã truy cập (Bearer JWT) của máy chủ cấp quyền.")
				.version("v1"))
			.components(new Components().addSecuritySchemes(BEARER,
					new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")))
			.addSecurityItem(new SecurityRequirement().addList(BEARER));
	}

	/** Every endpoint of the API may answer 401 and 403, as RFC 9457 problems. */
	@Bean
	OpenApiCustomizer securityProblemResponses() {
		return (openApi) -> openApi.getPaths()
			.entrySet()
			.stream()
			.filter((path) -> path.getKey().startsWith("/api/"))
			.flatMap((path) -> path.getValue().readOperations().stream())
			.forEach((operation) -> operation.getResponses()
				.addApiResponse("401",
						problem("Chưa xác thực: thiếu mã truy cập, mã sai chữ ký, hết hạn "
								+ "hoặc không do máy chủ cấp quyền của nền tảng cấp."))
				.addApiResponse("403", problem("Không có quyền: vai trò của tài khoản không được gọi "
						+ "yêu cầu này, hoặc đơn vị được hỏi nằm ngoài phạm vi được xem của tài khoản.")));
	}

	private static ApiResponse problem(String description) {
		Schema<?> field = new ObjectSchema().addProperty("field", new StringSchema())
			.addProperty("message", new StringSchema());
		Schema<?> problem = new ObjectSchema().addProperty("type", new StringSchema().format("uri"))
			.addProperty("title", new StringSchema())
			.addProperty("status", new IntegerSchema())
			.addProperty("detail", new StringSchema())
			.addProperty("instance", new StringSchema())
			.addProperty("errors", new ArraySchema().items(field));
		return new ApiResponse().description(description)
			.content(new Content().addMediaType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE,
					new MediaType().schema(problem)));
	}

}
