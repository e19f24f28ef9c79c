package vn.gov.cchc.plan.plan;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;

import org.bson.Document;
import tools.jackson.databind.json.JsonMapper;
import vn.gov.cchc.events.ActivityForm;
import vn.gov.cchc.events.ContentArea;
import vn.gov.cchc.events.EvidenceKind;
import vn.gov.cchc.events.PeriodType;
import vn.gov.cchc.events.PlanDetails;
import vn.gov.cchc.events.PlanDetails.Activity;
import vn.gov.cchc.events.PlanDetails.Cadence;
import vn.gov.cchc.events.PlanDetails.Deadline;
import vn.gov.cchc.events.PlanDetails.ReportingRegime;
import vn.gov.cchc.events.PlanStatus;
import vn.gov.cchc.events.UnitKind;

import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Plans for tests of other features (ingestion validates against them), stored in the
 * layout {@link Plans} documents without going through the plan API.
 */
public final class PlanFixtures {

	private PlanFixtures() {
	}

	/**
	 * A one-year plan of the given issuer shaped like Bắc Ninh's 22/KH-UBND: a radio
	 * column led by a named unit, and a public posting done by every commune.
	 * @param planId the plan id
	 * @param issuerCode the issuing unit
	 * @param radioLeadCode the unit in charge of the radio column
	 * @param year the year covered
	 */
	public static PlanDetails oneYearPlan(String planId, String issuerCode, String radioLeadCode, int year) {
		Activity radio = new Activity("HD01", "Xây dựng chuyên mục cải cách hành chính trên sóng phát thanh",
				ActivityForm.RADIO, List.of(ContentArea.ADMINISTRATIVE_PROCEDURES),
				new Cadence(Cadence.Kind.PER_WEEK, 1, 15, "Ít nhất 01 lần/tuần, mỗi lần tối thiểu 15 phút"),
				radioLeadCode, List.of(), null, List.of(), List.of("broadcasts", "minutes"), List.of(EvidenceKind.LINK),
				null, 12_000_000L, null);
		Activity posting = new Activity("HD02", "Niêm yết công khai thủ tục hành chính tại bộ phận một cửa",
				ActivityForm.PUBLIC_POSTING, List.of(ContentArea.ADMINISTRATIVE_PROCEDURES),
				new Cadence(Cadence.Kind.CONTINUOUS, 0, 0, "Thường xuyên trong năm"), null, List.of(UnitKind.COMMUNE),
				"UBND các xã, phường, thị trấn", List.of(), List.of("postings"), List.of(EvidenceKind.PHOTO), null, 0L,
				null);
		ReportingRegime reporting = new ReportingRegime(List.of(PeriodType.HALF_YEAR, PeriodType.YEAR),
				ReportingRegime.CutOff.DECREE_09_2019,
				List.of(new Deadline(PeriodType.HALF_YEAR, null, MonthDay.of(6, 15), null),
						new Deadline(PeriodType.YEAR, null, MonthDay.of(11, 20), null)),
				issuerCode, null);
		return new PlanDetails(planId, 1, PlanStatus.ISSUED, "22/KH-UBND",
				"Kế hoạch tuyên truyền cải cách hành chính năm " + year, issuerCode, LocalDate.of(year, 1, 18),
				LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), new PlanDetails.Basis(null, List.of()),
				List.of(ContentArea.ADMINISTRATIVE_PROCEDURES), List.of(radio, posting), List.of(), 12_000_000L, null,
				reporting);
	}

	/**
	 * Stores the plan as issued, as if {@code POST :issue} had run and its event had been
	 * published.
	 */
	public static void storeIssued(MongoTemplate mongo, JsonMapper json, PlanDetails plan) {
		Document versions = new PlanDocuments(json).toDocument(plan);
		mongo.getCollection(Plans.COLLECTION)
			.replaceOne(new Document("_id", plan.planId()),
					new Document("_id", plan.planId()).append("status", plan.status().name())
						.append("revision", 1L)
						.append("versions", List.of(versions))
						.append("outbox", List.of()),
					new com.mongodb.client.model.ReplaceOptions().upsert(true));
	}

}
