package vn.gov.cchc.notification.sms;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How SMS reminders are sent.
 *
 * @param provider which gateway protocol the provider speaks; {@code generic-json} (see
 * {@link GenericJsonSmsGateway})
 * @param baseUrl the provider's API root
 * @param apiKey the API key, sent as a bearer token; when set, username and password are
 * not used
 * @param username the username for HTTP basic authentication, when there is no API key
 * @param password the password for HTTP basic authentication
 * @param sender the brandname messages come from (registered with the carriers, at most
 * 11 characters)
 * @param keepDiacritics whether texts keep their Vietnamese diacritics: readable, but
 * sent as UCS-2 at 70 characters a segment instead of 160
 * @param maxSegments the most segments one message may take (each is billed)
 * @param connectTimeout how long to wait for a connection to the provider
 * @param readTimeout how long to wait for the provider's answer
 */
@ConfigurationProperties("cchc.notification.sms")
@Validated
public record SmsProperties(@DefaultValue(GenericJsonSmsGateway.PROVIDER) @NotBlank String provider,
		@DefaultValue("http://localhost:8089/sms/v1") @NotNull URI baseUrl, @Nullable String apiKey,
		@Nullable String username, @Nullable String password,
		@DefaultValue("CCHC") @NotBlank @Size(max = 11) String sender, @DefaultValue("false") boolean keepDiacritics,
		@DefaultValue("2") @Min(1) @Max(10) int maxSegments, @DefaultValue("2s") @NotNull Duration connectTimeout,
		@DefaultValue("5s") @NotNull Duration readTimeout) {

}
