package vn.gov.cchc.gateway.security;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which other origins may call the API from a browser ({@code cchc.gateway.cors.*}): the
 * dashboard served by the gateway itself needs none; a dashboard hosted elsewhere (the
 * province's portal) is listed here.
 *
 * @param allowedOrigins e.g. {@code https://bacninh.gov.vn}
 * @param maxAge how long a browser may keep a preflight answer
 */
@ConfigurationProperties("cchc.gateway.cors")
record CorsProperties(@DefaultValue List<String> allowedOrigins, @DefaultValue("30m") Duration maxAge) {

}
