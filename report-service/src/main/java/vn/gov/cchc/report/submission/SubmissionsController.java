package vn.gov.cchc.report.submission;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import vn.gov.cchc.events.PlanDetails;
import vn.gov.cchc.report.period.Period;
import vn.gov.cchc.report.period.Periods;
import vn.gov.cchc.report.problem.Requests;
import vn.gov.cchc.report.unit.UnitTree;
import vn.gov.cchc.report.unit.Units;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/submissions}: read, write the narrative, submit, approve, return. The
 * gateway forwards who is asking ({@code X-CCHC-User}, {@code X-CCHC-Unit}); every
 * endpoint needs both.
 */
@RestController
@RequestMapping("/api/v1/submissions")
class SubmissionsController {

	private final SubmissionWorkflow workflow;

	private final Submissions submissions;

	private final Requested requested;

	private final Units units;

	private final Periods periods;

	SubmissionsController(SubmissionWorkflow workflow, Submissions submissions, Requested requested, Units units,
			Periods periods) {
		this.workflow = workflow;
		this.submissions = submissions;
		this.requested = requested;
		this.units = units;
		this.periods = periods;
	}

	/**
	 * The plan's submissions the actor may read, of one period or of every opened one, of
	 * one unit's subtree on the period's tree or of all units.
	 */
	@GetMapping
	List<SubmissionView.Summary> list(@RequestHeader(name = Actor.USER_HEADER, required = false) @Nullable String user,
			@RequestHeader(name = Actor.UNIT_HEADER, required = false) @Nullable String unitHeader,
			@RequestParam(required = false) @Nullable String plan,
			@RequestParam(required = false) @Nullable String period,
			@RequestParam(required = false) @Nullable String unit) {
		Actor actor = Requested.actor(user, unitHeader);
		PlanDetails found = this.requested.plan(plan);
		List<Period> wanted = (period != null) ? List.of(this.requested.period(found, period))
				: Obligations.reportedPeriods(found, this.periods.calendar(found.reporting()));
		String unitCode = (unit != null) ? Requests.unitCode("unit", unit) : null;
		UnitTree tree = (unitCode != null) ? this.units.tree() : null;
		if (tree != null && tree.find(unitCode).isEmpty()) {
			throw Requests.notFound("unit", "unknown-unit", "Không tìm thấy đơn vị",
					"Không có đơn vị nào mang mã " + unitCode + ".");
		}
		List<SubmissionView.Summary> summaries = new ArrayList<>();
		for (Period each : wanted) {
			Round round = this.submissions.findRound(found.planId(), each.id()).orElse(null);
			if (round == null) {
				continue;
			}
			Set<String> subtree = (tree != null) ? subtree(tree, unitCode, each.end()) : null;
			for (Submission submission : this.submissions.findAll(round.submissionIds())) {
				if ((subtree == null || subtree.contains(submission.unitCode()))
						&& this.workflow.mayRead(actor, submission)) {
					summaries.add(SubmissionView.Summary.of(submission));
				}
			}
		}
		return summaries;
	}

	@GetMapping("/{id}")
	SubmissionView get(@RequestHeader(name = Actor.USER_HEADER, required = false) @Nullable String user,
			@RequestHeader(name = Actor.UNIT_HEADER, required = false) @Nullable String unit, @PathVariable String id) {
		Actor actor = Requested.actor(user, unit);
		return view(this.workflow.read(actor, Requested.submissionId(id)));
	}

	@GetMapping("/{id}/audit")
	List<AuditEntry> audit(@RequestHeader(name = Actor.USER_HEADER, required = false) @Nullable String user,
			@RequestHeader(name = Actor.UNIT_HEADER, required = false) @Nullable String unit, @PathVariable String id) {
		Actor actor = Requested.actor(user, unit);
		return this.workflow.read(actor, Requested.submissionId(id)).audit();
	}

	@PutMapping("/{id}/narrative")
	SubmissionView narrative(@RequestHeader(name = Actor.USER_HEADER, required = false) @Nullable String user,
			@RequestHeader(name = Actor.UNIT_HEADER, required = false) @Nullable String unit, @PathVariable String id,
			@RequestBody(required = false) @Nullable JsonNode body) {
		Actor actor = Requested.actor(user, unit);
		String submissionId = Requested.submissionId(id);
		Texts.NarrativeEdit edit = Texts.narrative(body);
		return view(this.workflow.editNarrative(actor, submissionId, edit.narrative(), edit.revision()));
	}

	@PostMapping("/{id}:submit")
	SubmissionView submit(@RequestHeader(name = Actor.USER_HEADER, required = false) @Nullable String user,
			@RequestHeader(name = Actor.UNIT_HEADER, required = false) @Nullable String unit, @PathVariable String id) {
		Actor actor = Requested.actor(user, unit);
		return view(this.workflow.submit(actor, Requested.submissionId(id)));
	}

	@PostMapping("/{id}:approve")
	SubmissionView approve(@RequestHeader(name = Actor.USER_HEADER, required = false) @Nullable String user,
			@RequestHeader(name = Actor.UNIT_HEADER, required = false) @Nullable String unit, @PathVariable String id) {
		Actor actor = Requested.actor(user, unit);
		return view(this.workflow.approve(actor, Requested.submissionId(id)));
	}

	@PostMapping("/{id}:return")
	SubmissionView returnForFixing(@RequestHeader(name = Actor.USER_HEADER, required = false) @Nullable String user,
			@RequestHeader(name = Actor.UNIT_HEADER, required = false) @Nullable String unit, @PathVariable String id,
			@RequestBody(required = false) @Nullable JsonNode body) {
		Actor actor = Requested.actor(user, unit);
		String submissionId = Requested.submissionId(id);
		String comment = Texts.comment(body);
		return view(this.workflow.returnForFixing(actor, submissionId, comment));
	}

	private SubmissionView view(Submission submission) {
		return SubmissionView.of(submission,
				this.submissions.findAll(submission.children().stream().map(ChildSubmission::submissionId).toList()));
	}

	private static Set<String> subtree(UnitTree tree, String unitCode, LocalDate day) {
		Set<String> codes = new HashSet<>();
		codes.add(unitCode);
		tree.descendantsOn(unitCode, day).forEach((unit) -> codes.add(unit.code()));
		return codes;
	}

}
