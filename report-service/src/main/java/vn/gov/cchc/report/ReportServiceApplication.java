package vn.gov.cchc.report;

import java.time.Clock;

import com.mongodb.client.MongoDatabase;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.MongoDatabaseFactory;

/**
 * The report service: counts the progress facts of {@code cchc.progress} into the figures
 * of every unit of the tree (Kafka Streams, the log being the ledger), and on them the
 * reporting periods, targets, submissions, reporting rates, exports and the dashboard
 * (see {@code package-info}).
 */
@SpringBootApplication
public class ReportServiceApplication {

	public static void main(String[] args) {
		SpringApplication.run(ReportServiceApplication.class, args);
	}

	/**
	 * The one clock every feature reads "now" and "today" from (instants in UTC, days in
	 * Asia/Ho_Chi_Minh), so that a test can set the date.
	 */
	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	/**
	 * The service's database as the official driver sees it. The stores use the driver
	 * directly rather than Spring Data's mapping so that every filter reaches MongoDB
	 * exactly as written: the mapping layer would, for instance, turn a 24-hex-digit
	 * string id into an ObjectId.
	 */
	@Bean
	MongoDatabase reportDatabase(MongoDatabaseFactory factory) {
		return factory.getMongoDatabase();
	}

}
