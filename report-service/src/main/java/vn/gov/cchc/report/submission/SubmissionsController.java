package vn.gov.cchc.report.submission;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import vn.gov.cchc.events.DatedUnitTree;
import vn.gov.cchc.events.PlanDetails;
import vn.gov.cchc.events.UnitDetails;
import vn.gov.cchc.report.period.Period;
import vn.gov.cchc.report.period.Periods;
import vn.gov.cchc.report.unit.Units;
import vn.gov.cchc.security.Caller;
import vn.gov.cchc.security.ReadScope;
import vn.gov.cchc.security.WriteScope;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/submissions}: read, write the narrative, submit, approve, return, as the
 * caller's access token allows ({@link SubmissionPermissions}, on the tree of the
 * period's end). The narrative and the submission are refused before anything is read
 * unless the token is an officer's of the unit the submission id names; approval and
 * return unless the unit is in the reviewer's province.
 */
@RestController
@RequestMapping("/api/v1/submissions")
class SubmissionsController {

	private final SubmissionWorkflow workflow;

	private final Submissions submissions;

	private final SubmissionParameters parameters;

	private final Units units;

	private final Periods periods;

	SubmissionsController(SubmissionWorkflow workflow, Submissions submissions, SubmissionParameters parameters,
			Units units, Periods periods) {
		this.workflow = workflow;
		this.submissions = submissions;
		this.parameters = parameters;
		this.units = units;
		this.periods = periods;
	}

	/**
	 * The plan's submissions the caller may read, of one period or of every opened one,
	 * of one unit's subtree on the period's tree or of all units.
	 */
	@GetMapping
	List<SubmissionView.Summary> list(Caller caller, @RequestParam(required = false) @Nullable String plan,
			@RequestParam(required = false) @Nullable String period,
			@RequestParam(required = false) @Nullable String unit) {
		PlanDetails found = this.parameters.plan(plan);
		List<Period> wanted = (period != null) ? List.of(this.parameters.period(found, period))
				: Obligations.reportedPeriods(found, this.periods.calendar(found.reporting()));
		String unitCode = (unit != null) ? this.parameters.unitCode(unit) : null;
		DatedUnitTree<UnitDetails> tree = (unitCode != null) ? this.units.tree() : null;
		List<SubmissionView.Summary> summaries = new ArrayList<>();
		for (Period each : wanted) {
			Round round = this.submissions.findRound(found.planId(), each.id()).orElse(null);
			if (round == null) {
				continue;
			}
			Set<String> subtree = (tree != null) ? Obligations.subtree(tree, unitCode, each.end()) : null;
			for (Submission submission : this.submissions.findAll(round.submissionIds())) {
				if ((subtree == null || subtree.contains(submission.unitCode()))
						&& this.workflow.mayRead(caller, submission)) {
					summaries.add(SubmissionView.Summary.of(submission));
				}
			}
		}
		return summaries;
	}

	@GetMapping("/{id}")
	SubmissionView get(Caller caller, @PathVariable String id) {
		return view(this.workflow.read(caller, SubmissionParameters.submissionId(id)));
	}

	@GetMapping("/{id}/audit")
	List<AuditEntry> audit(Caller caller, @PathVariable String id) {
		return this.workflow.read(caller, SubmissionParameters.submissionId(id)).audit();
	}

	@PutMapping("/{id}/narrative")
	SubmissionView narrative(Caller caller, @PathVariable String id,
			@RequestBody(required = false) @Nullable JsonNode body) {
		String submissionId = SubmissionParameters.submissionId(id);
		WriteScope.require(caller, "id", SubmissionParameters.unitCodeOf(submissionId));
		SubmissionBodies.NarrativeEdit edit = SubmissionBodies.narrative(body);
		return view(this.workflow.editNarrative(caller, submissionId, edit.narrative(), edit.revision()));
	}

	@PostMapping("/{id}:submit")
	SubmissionView submit(Caller caller, @PathVariable String id) {
		String submissionId = SubmissionParameters.submissionId(id);
		WriteScope.require(caller, "id", SubmissionParameters.unitCodeOf(submissionId));
		return view(this.workflow.submit(caller, submissionId));
	}

	@PostMapping("/{id}:approve")
	SubmissionView approve(Caller caller, @PathVariable String id) {
		String submissionId = reviewable(caller, id);
		return view(this.workflow.approve(caller, submissionId));
	}

	@PostMapping("/{id}:return")
	SubmissionView returnForFixing(Caller caller, @PathVariable String id,
			@RequestBody(required = false) @Nullable JsonNode body) {
		String submissionId = reviewable(caller, id);
		String comment = SubmissionBodies.comment(body);
		return view(this.workflow.returnForFixing(caller, submissionId, comment));
	}

	/**
	 * The submission id, if its unit is in the reviewer's province (over the unit's whole
	 * life: the period's tree needs the plan), before anything else is read; who receives
	 * the report is checked against the stored submission.
	 */
	private String reviewable(Caller caller, String id) {
		String submissionId = SubmissionParameters.submissionId(id);
		ReadScope.of(caller, this.units.pathsEver()).require("id", SubmissionParameters.unitCodeOf(submissionId));
		return submissionId;
	}

	private SubmissionView view(Submission submission) {
		return SubmissionView.of(submission,
				this.submissions.findAll(submission.children().stream().map(ChildSubmission::submissionId).toList()));
	}

}
