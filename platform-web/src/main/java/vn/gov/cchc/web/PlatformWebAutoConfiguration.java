package vn.gov.cchc.web;

import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * Gives a servlet service the platform's problem answers ({@link ProblemHandler}) and the
 * cap on request bodies. A WebFlux application (the gateway) gets neither: it uses the
 * vocabulary and writes its problems itself.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration")
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

	/** Boot's error page answers with the problem of its status. */
	@Bean
	ProblemErrorController problemErrorController() {
		return new ProblemErrorController();
	}

	/**
	 * Before anything reads a parameter: a query that does not decode is named, not a
	 * 500.
	 */
	@Bean
	FilterRegistrationBean<QueryStringFilter> queryStringFilter() {
		FilterRegistrationBean<QueryStringFilter> registration = new FilterRegistrationBean<>(new QueryStringFilter());
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
		return registration;
	}

	/**
	 * A form body with a bad escape sent to a JSON endpoint: Tomcat fails the read of its
	 * parameters when Spring reads a form POST's body.
	 */
	@Bean
	@ConditionalOnClass(name = "org.apache.tomcat.util.http.InvalidParameterException")
	ExceptionProblems undecodableFormProblems() {
		return (ex) -> ex.getClass().getName().equals("org.apache.tomcat.util.http.InvalidParameterException")
				? new ProblemException(Problems.MALFORMED_REQUEST.problem(
						"Nội dung dạng biểu mẫu không giải mã được; dịch vụ chỉ nhận JSON.",
						List.of(new FieldError(FieldError.BODY, "Mã % sai hoặc byte không phải UTF-8."))))
				: null;
	}

	/**
	 * The requests Tomcat answers itself (a path it will not map) get a problem, not its
	 * HTML page: the host's error report valve is the platform's.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = { "org.apache.catalina.valves.ErrorReportValve",
			"org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory" })
	static class TomcatProblemsConfiguration {

		@Bean
		WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> problemErrorReportValve() {
			return new ProblemErrorReportValveCustomizer();
		}

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
