package vn.gov.cchc.notification.security;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
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
		return new OpenAPI().info(new Info().title("CCHC notification-service")
			.description("Thông tin liên hệ của đơn vị, lịch nhắc hạn và nhật ký gửi nhắc hạn. "
					+ "Mọi yêu cầu cần mã truy cập (Bearer JWT) của máy chủ cấp quyền.")
			.version("v1"));
	}

}
