package vn.gov.cchc.plan.web;

import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import org.springdoc.core.utils.SpringDocUtils;
import vn.gov.cchc.security.Caller;

import org.springframework.context.annotation.Configuration;

/**
 * What the API documents say about access: every endpoint takes the issuer's access token
 * as a bearer JWT (each controller requires {@value #BEARER}), and the {@link Caller} an
 * endpoint takes is that token, not a request parameter.
 */
@Configuration(proxyBeanMethods = false)
@SecurityScheme(name = ApiSecurityDocs.BEARER, type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT",
		description = "Mã truy cập (JWT) do máy chủ cấp quyền cấp, gửi trong tiêu đề Authorization: Bearer <mã>. "
				+ "Mã nêu đơn vị (unit) và vai trò (roles: officer, machine, reviewer, admin) của người gọi.")
public class ApiSecurityDocs {

	/** The name of the bearer-token security scheme. */
	public static final String BEARER = "bearer-jwt";

	static {
		SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
	}

}
