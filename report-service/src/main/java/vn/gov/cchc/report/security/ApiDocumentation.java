package vn.gov.cchc.report.security;

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
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import vn.gov.cchc.security.Caller;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The API document says what the security filters do: every operation takes the issuer's
 * access token as a bearer JWT and may answer 401 (no valid token) or 403 (a role or unit
 * the token does not allow) as problems. The {@link Caller} parameter of the endpoints
 * comes from the token, so it is not a request parameter.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

	/** The name of the security scheme in the document. */
	static final String BEARER = "bearer-jwt";

	static {
		SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
	}

	@Bean
	OpenAPI reportServiceApi() {
		return new OpenAPI()
			.info(new Info().title("CCHC report service")
				.version("v1")
				.description("Số liệu, kỳ báo cáo, báo cáo định kỳ, tỷ lệ báo cáo, chỉ tiêu và bảng điều khiển."))
			.components(new Components().addSecuritySchemes(BEARER,
					new SecurityScheme().type(SecurityScheme.Type.HTTP)
						.scheme("bearer")
						.bearerFormat("JWT")
						.description("Mã truy cập của máy chủ cấp quyền (claims unit, roles, name).")))
			.addSecurityItem(new SecurityRequirement().addList(BEARER));
	}

	@Bean
	OpenApiCustomizer securityProblems() {
		return (api) -> {
			if (api.getPaths() == null) {
				return;
			}
			api.getPaths().values().forEach((path) -> path.readOperations().forEach((operation) -> {
				ApiResponses responses = (operation.getResponses() != null) ? operation.getResponses()
						: new ApiResponses();
				responses.putIfAbsent("401", problem("Chưa xác thực: thiếu mã truy cập, hoặc mã không hợp lệ, "
						+ "đã hết hạn hay không do máy chủ cấp quyền được tin cậy cấp."));
				responses.putIfAbsent("403", problem("Không có quyền: vai trò của tài khoản không được gọi thao tác "
						+ "này, hoặc đơn vị được hỏi nằm ngoài phạm vi của tài khoản (errors nêu tham số)."));
				operation.setResponses(responses);
			}));
		};
	}

	private static ApiResponse problem(String description) {
		Schema<?> field = new ObjectSchema().addProperty("field", new StringSchema())
			.addProperty("message", new StringSchema());
		Schema<?> body = new ObjectSchema().addProperty("type", new StringSchema())
			.addProperty("title", new StringSchema())
			.addProperty("status", new IntegerSchema())
			.addProperty("detail", new StringSchema())
			.addProperty("instance", new StringSchema())
			.addProperty("errors", new ArraySchema().items(field));
		return new ApiResponse().description(description)
			.content(new Content().addMediaType("application/problem+json", new MediaType().schema(body)));
	}

}
