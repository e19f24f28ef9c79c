package vn.gov.cchc.plan;

import java.util.concurrent.TimeUnit;

import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;

/**
 * How this service talks to its MongoDB database.
 */
@Configuration(proxyBeanMethods = false)
class MongoConfiguration {

	/**
	 * The driver's own java.time codecs store a {@code LocalDate} as midnight UTC, so a
	 * stored day does not move with the time zone of the machine that wrote it (Spring
	 * Data's converters use the system zone).
	 */
	@Bean
	MongoCustomConversions mongoCustomConversions() {
		return MongoCustomConversions
			.create(MongoCustomConversions.MongoConverterConfigurationAdapter::useNativeDriverJavaTimeCodecs);
	}

	/**
	 * Requests wait on MongoDB; with the driver's 30 s server selection default a store
	 * outage would hold every request thread for half a minute before it answers 503.
	 */
	@Bean
	MongoClientSettingsBuilderCustomizer boundedMongoWaits() {
		return (settings) -> settings
			.applyToClusterSettings((cluster) -> cluster.serverSelectionTimeout(5, TimeUnit.SECONDS))
			.applyToSocketSettings(
					(socket) -> socket.connectTimeout(5, TimeUnit.SECONDS).readTimeout(10, TimeUnit.SECONDS));
	}

}
