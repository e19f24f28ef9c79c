package vn.gov.cchc.plan;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.type.LogicalType;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How the HTTP API reads JSON: strictly, so that a value of the wrong JSON type is
 * refused with its path named, never quietly converted. {@code "5"} and {@code 1.5} are
 * no quantity, {@code 5} is no date and {@code 42} is no reporter. Unknown properties are
 * ignored, so that clients may send more than this version knows.
 */
@Configuration(proxyBeanMethods = false)
public class JsonConfiguration {

	@Bean
	JsonMapperBuilderCustomizer strictJsonReading() {
		return (builder) -> builder.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
			.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
			.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
			// Without leniency a LocalDate is read only from its ISO text, not from a
			// number of days since 1970.
			.defaultLeniency(false)
			// Numbers and booleans would otherwise be turned into text for String fields.
			.withCoercionConfig(LogicalType.Textual,
					(textual) -> textual.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
	}

}
