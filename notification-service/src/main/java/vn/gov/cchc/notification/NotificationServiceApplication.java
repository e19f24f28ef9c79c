package vn.gov.cchc.notification;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions.MongoConverterConfigurationAdapter;

@SpringBootApplication
public class NotificationServiceApplication {

	public static void main(String[] args) {
		SpringApplication.run(NotificationServiceApplication.class, args);
	}

	/**
	 * The driver's own java.time codecs store instants and dates in UTC. Spring Data's
	 * default converters go through the JVM's time zone, so the stored value of a
	 * {@code LocalDate} would depend on where the service happens to run.
	 */
	/** The one clock of the service, so that tests can move time. */
	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	@Bean
	MongoCustomConversions mongoCustomConversions() {
		return MongoCustomConversions.create(MongoConverterConfigurationAdapter::useNativeDriverJavaTimeCodecs);
	}

}
