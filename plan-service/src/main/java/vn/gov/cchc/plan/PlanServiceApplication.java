package vn.gov.cchc.plan;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

@SpringBootApplication
public class PlanServiceApplication {

	public static void main(String[] args) {
		SpringApplication.run(PlanServiceApplication.class, args);
	}

	/** Instants are UTC; features that need the Vietnamese calendar day ask for it. */
	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
