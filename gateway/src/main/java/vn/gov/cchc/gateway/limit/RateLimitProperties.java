package vn.gov.cchc.gateway.limit;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Each client's request rate ({@code cchc.gateway.rate-limit.*}): a token bucket per
 * client, refilled at {@code per-second} up to {@code burst}.
 *
 * @param enabled whether the limit applies
 * @param perSecond the sustained rate of a client
 * @param burst how many requests a client may send at once after a quiet spell
 * @param clients other limits for named clients (a machine client's id, or a user's
 * login)
 * @param idleAfter when a client's bucket is forgotten (it is full again by then)
 */
@ConfigurationProperties("cchc.gateway.rate-limit")
public record RateLimitProperties(@DefaultValue("true") boolean enabled, @DefaultValue("20") double perSecond,
		@DefaultValue("40") int burst, @DefaultValue Map<String, Limit> clients,
		@DefaultValue("10m") Duration idleAfter) {

	/** The limit of one client. */
	Limit limitOf(String client) {
		return this.clients.getOrDefault(client, new Limit(this.perSecond, this.burst));
	}

	/**
	 * @param perSecond the sustained rate
	 * @param burst the bucket's size
	 */
	public record Limit(double perSecond, int burst) {

		public Limit {
			if (perSecond <= 0 || burst < 1) {
				throw new IllegalArgumentException("A rate limit needs per-second > 0 and burst >= 1");
			}
		}

	}

}
