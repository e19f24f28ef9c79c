package vn.gov.cchc.plan.plan;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import vn.gov.cchc.events.PlanDetails;
import vn.gov.cchc.events.PlanStatus;
import vn.gov.cchc.plan.PlanServiceIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;

class PlansIntegrationTests extends PlanServiceIntegrationTest {

	@Autowired
	private MongoTemplate mongo;

	@Autowired
	private JsonMapper json;

	@Autowired
	private Plans plans;

	@Test
	void findsTheIssuedVersionExactlyAsStored() {
		PlanDetails plan = withIndexTarget(PlanFixtures.oneYearPlan("PLANS-IT-1", "27", "27-SNV", 2023));
		PlanFixtures.storeIssued(this.mongo, this.json, plan);

		assertThat(this.plans.findInForce("PLANS-IT-1")).contains(plan);
	}

	@Test
	void aClosedPlanIsStillInForceForWhatItCoveredWithItsClosedStatus() {
		PlanDetails plan = PlanFixtures.oneYearPlan("PLANS-IT-2", "27", "27-SNV", 2022);
		PlanFixtures.storeIssued(this.mongo, this.json, plan);
		this.mongo.getCollection(Plans.COLLECTION)
			.updateOne(new Document("_id", "PLANS-IT-2"), new Document("$set", new Document("status", "CLOSED")));

		assertThat(this.plans.findInForce("PLANS-IT-2")).hasValueSatisfying((found) -> {
			assertThat(found.status()).isEqualTo(PlanStatus.CLOSED);
			assertThat(found.activities()).isEqualTo(plan.activities());
		});
	}

	@Test
	void anUnknownPlanOrADraftIsNotInForce() {
		this.mongo.getCollection(Plans.COLLECTION)
			.insertOne(new Document("_id", "PLANS-IT-3").append("status", "DRAFT")
				.append("draft", new Document("number", "01/KH-UBND"))
				.append("versions", List.of()));

		assertThat(this.plans.findInForce("PLANS-IT-3")).isEmpty();
		assertThat(this.plans.findInForce("PLANS-IT-NONE")).isEmpty();
	}

	private static PlanDetails withIndexTarget(PlanDetails plan) {
		List<PlanDetails.Target> targets = new ArrayList<>(plan.targets());
		targets.add(new PlanDetails.Target("CT01", "Chỉ số SIPAS tăng ít nhất 1%, đạt tối thiểu 89,64%",
				PlanDetails.Target.Kind.INDEX, PlanDetails.Target.Measure.PERCENT,
				PlanDetails.Target.Comparison.AT_LEAST, new BigDecimal("89.64"), null, null, null, null, null, "SIPAS",
				null));
		return new PlanDetails(plan.planId(), plan.version(), plan.status(), plan.number(), plan.title(),
				plan.issuerCode(), plan.issuedOn(), plan.from(), plan.to(), plan.basis(), plan.contentAreas(),
				plan.activities(), targets, plan.budgetVnd(), plan.budgetNote(), plan.reporting());
	}

}
