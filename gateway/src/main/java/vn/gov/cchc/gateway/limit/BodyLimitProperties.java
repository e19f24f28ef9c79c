package vn.gov.cchc.gateway.limit;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the body limit.
 *
 * @param maxBodyBytes the largest request body forwarded to a service; 1 MiB by default,
 * ample for a plan, a batch of units or a single progress event
 * @param bulkMaxBodyBytes the limit on the bulk paths instead, 16 MiB by default: a whole
 * country's units in CSV, or a batch of 1,000 progress events with notes
 * @param bulkPaths the bulk paths, as path patterns
 */
@ConfigurationProperties("cchc.gateway")
public record BodyLimitProperties(@DefaultValue("1MB") DataSize maxBodyBytes,
		@DefaultValue("16MB") DataSize bulkMaxBodyBytes, @DefaultValue( {
				"/api/v1/units:import", "/api/v1/progress:batch" }) List<String> bulkPaths){

}
