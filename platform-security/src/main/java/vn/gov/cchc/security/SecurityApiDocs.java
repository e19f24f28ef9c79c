package vn.gov.cchc.security;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import vn.gov.cchc.web.ProblemResponseDocs;

/**
 * The API documents say what the security filters do: every operation under {@code /api/}
 * takes the issuer's access token as a bearer JWT and may answer 401 (no valid token) or
 * 403 (a role or unit the token does not allow), as problems. A response an endpoint
 * describes itself (a 403 naming the roles it allows) keeps its description. The
 * {@link Caller} an endpoint takes comes from the token, so it is not a request
 * parameter.
 */
class SecurityApiDocs implements OpenApiCustomizer {

	/** The name of the security scheme in the documents. */
	static final String BEARER = "bearer-jwt";

	SecurityApiDocs() {
		SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
	}

	@Override
	public void customise(OpenAPI api) {
		Components components = (api.getComponents() != null) ? api.getComponents() : new Components();
		api.components(components.addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP)
			.scheme("bearer")
			.bearerFormat("JWT")
			.description("Mã truy cập (JWT) do máy chủ cấp quyền cấp, gửi trong tiêu đề Authorization: Bearer <mã>. "
					+ "Mã nêu đơn vị (unit) và vai trò (roles: officer, machine, reviewer, admin) của người gọi.")));
		if (api.getSecurity() == null || api.getSecurity().isEmpty()) {
			api.addSecurityItem(new SecurityRequirement().addList(BEARER));
		}
		if (api.getPaths() == null) {
			return;
		}
		api.getPaths()
			.entrySet()
			.stream()
			.filter((path) -> path.getKey().startsWith("/api/"))
			.flatMap((path) -> path.getValue().readOperations().stream())
			.forEach((operation) -> {
				// Said on each operation too, beside the 401 and 403 it explains.
				if (operation.getSecurity() == null || operation.getSecurity().isEmpty()) {
					operation.addSecurityItem(new SecurityRequirement().addList(BEARER));
				}
				ApiResponses responses = (operation.getResponses() != null) ? operation.getResponses()
						: new ApiResponses();
				responses.putIfAbsent("401", ProblemResponseDocs.problem("Chưa xác thực: thiếu mã truy cập, hoặc mã "
						+ "không hợp lệ, đã hết hạn hay không do máy chủ cấp quyền được tin cậy cấp."));
				responses.putIfAbsent("403", ProblemResponseDocs.problem("Không có quyền: vai trò của tài khoản không "
						+ "được gọi thao tác này, hoặc đơn vị được hỏi nằm ngoài phạm vi của tài khoản (errors nêu "
						+ "tham số)."));
				operation.setResponses(responses);
			});
	}

}
