package vn.gov.cchc.web;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * Gives a servlet service the platform's problem answers ({@link ProblemHandler}) and the
 * cap on request bodies. A WebFlux application (the gateway) gets neither: it uses the
 * vocabulary and writes its problems itself.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(DispatcherServlet.class)
@EnableConfigurationProperties(PlatformWebProperties.class)
public class PlatformWebAutoConfiguration {

	/** Seconds a client should wait before sending again after a 503. */
	static final String RETRY_AFTER_SECONDS = "5";

	@Bean
	ProblemHandler platformProblemHandler(ObjectProvider<ExceptionProblems> mappings) {
		return new ProblemHandler(mappings.orderedStream().toList());
	}

	@Bean
	RequestBodyLimitFilter requestBodyLimitFilter(PlatformWebProperties properties, ObjectProvider<BodyLimit> limits) {
		return new RequestBodyLimitFilter(properties.maxBodyBytes().toBytes(), limits.stream().toList());
	}

	/** A client's request is not at fault when the store is away: 503, and try again. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(DataAccessResourceFailureException.class)
	static class StoreProblemsConfiguration {

		@Bean
		ExceptionProblems storeUnavailableProblems() {
			return (ex) -> (ex instanceof DataAccessResourceFailureException
					|| ex instanceof TransientDataAccessException)
							? new ProblemException(Problems.unavailable("store-unavailable",
									"Cơ sở dữ liệu của dịch vụ tạm thời không phản hồi. Vui lòng gửi lại sau ít phút."),
									retryAfter())
							: null;
		}

	}

	/** Where a service publishes API documents, they show every error as a problem. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.springdoc.core.customizers.OpenApiCustomizer")
	static class ProblemDocsConfiguration {

		@Bean
		ProblemResponseDocs problemResponseDocs() {
			return new ProblemResponseDocs();
		}

	}

	/** The {@code Retry-After} of a 503 the platform answers. */
	public static HttpHeaders retryAfter() {
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
		return headers;
	}

}
