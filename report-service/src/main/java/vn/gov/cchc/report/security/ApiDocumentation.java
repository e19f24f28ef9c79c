package vn.gov.cchc.report.security;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the API document says the service is; what it says about the bearer token and its
 * 401 and 403 comes from platform-security.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

	@Bean
	OpenAPI reportServiceApi() {
		return new OpenAPI().info(new Info().title("CCHC report service")
			.version("v1")
			.description("Số liệu, kỳ báo cáo, báo cáo định kỳ, tỷ lệ báo cáo, chỉ tiêu và bảng điều khiển."));
	}

}
