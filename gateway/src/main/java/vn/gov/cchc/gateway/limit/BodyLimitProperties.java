package vn.gov.cchc.gateway.limit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the body limit.
 *
 * @param maxBodyBytes the largest request body forwarded to a service; 1 MiB by default,
 * ample for a batch of units or of progress events
 */
@ConfigurationProperties("cchc.gateway")
public record BodyLimitProperties(@DefaultValue("1MB") DataSize maxBodyBytes) {

}
