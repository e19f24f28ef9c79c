package vn.gov.cchc.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How a servlet service takes requests ({@code cchc.web.*}).
 *
 * @param maxBodyBytes the largest request body on any path a feature declared no
 * {@link BodyLimit} for; 1 MiB by default, ample for a plan, a report's narrative or a
 * progress report with long evidence lists
 */
@ConfigurationProperties("cchc.web")
public record PlatformWebProperties(@DefaultValue("1MB") DataSize maxBodyBytes) {

}
