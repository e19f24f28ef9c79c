package vn.gov.cchc.report.submission;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import vn.gov.cchc.events.DatedUnitTree;
import vn.gov.cchc.events.PlanDetails;
import vn.gov.cchc.events.UnitDetails;
import vn.gov.cchc.report.export.ExportFormat;
import vn.gov.cchc.report.export.ReportDocument;
import vn.gov.cchc.report.export.ReportExporter;
import vn.gov.cchc.report.period.Period;
import vn.gov.cchc.report.period.Periods;
import vn.gov.cchc.report.unit.Units;
import vn.gov.cchc.security.Caller;
import vn.gov.cchc.security.ReadScope;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reports as Word and Excel files: {@code GET /api/v1/submissions/{id}.docx|.xlsx} (one
 * submission, for whoever may read it, see {@link SubmissionPermissions}) and
 * {@code GET /api/v1/reports/consolidated.docx|.xlsx?plan=&period=&unit=} (a unit's
 * figures plus one row per report it receives, for a caller whose reading scope holds the
 * unit on the tree of the period's end: officers of the unit and of the units above it,
 * reviewers and administrators of the province).
 */
@RestController
class SubmissionExportsController {

	private final SubmissionWorkflow workflow;

	private final Submissions submissions;

	private final SubmissionParameters parameters;

	private final Units units;

	private final Periods periods;

	private final ReportCompiler compiler;

	private final Map<ExportFormat, ReportExporter> exporters;

	SubmissionExportsController(SubmissionWorkflow workflow, Submissions submissions, SubmissionParameters parameters,
			Units units, Periods periods, ReportCompiler compiler, List<ReportExporter> exporters) {
		this.workflow = workflow;
		this.submissions = submissions;
		this.parameters = parameters;
		this.units = units;
		this.periods = periods;
		this.compiler = compiler;
		this.exporters = exporters.stream().collect(Collectors.toMap(ReportExporter::format, Function.identity()));
	}

	@GetMapping("/api/v1/submissions/{id}.docx")
	ResponseEntity<byte[]> submissionDocx(Caller caller, @PathVariable String id) {
		return submission(caller, id, ExportFormat.DOCX);
	}

	@GetMapping("/api/v1/submissions/{id}.xlsx")
	ResponseEntity<byte[]> submissionXlsx(Caller caller, @PathVariable String id) {
		return submission(caller, id, ExportFormat.XLSX);
	}

	@GetMapping("/api/v1/reports/consolidated.docx")
	ResponseEntity<byte[]> consolidatedDocx(Caller caller, @RequestParam(required = false) @Nullable String plan,
			@RequestParam(required = false) @Nullable String period,
			@RequestParam(required = false) @Nullable String unit) {
		return consolidated(caller, plan, period, unit, ExportFormat.DOCX);
	}

	@GetMapping("/api/v1/reports/consolidated.xlsx")
	ResponseEntity<byte[]> consolidatedXlsx(Caller caller, @RequestParam(required = false) @Nullable String plan,
			@RequestParam(required = false) @Nullable String period,
			@RequestParam(required = false) @Nullable String unit) {
		return consolidated(caller, plan, period, unit, ExportFormat.XLSX);
	}

	private ResponseEntity<byte[]> submission(Caller caller, String id, ExportFormat format) {
		Submission submission = this.workflow.read(caller, SubmissionParameters.submissionId(id));
		return file(SubmissionReports.of(submission, this.units.tree(), this.compiler.today()), format);
	}

	private ResponseEntity<byte[]> consolidated(Caller caller, @Nullable String plan, @Nullable String period,
			@Nullable String unit, ExportFormat format) {
		PlanDetails found = this.parameters.plan(plan);
		Period wanted = this.parameters.period(found, period);
		String unitCode = this.parameters.unitCode(unit);
		DatedUnitTree<UnitDetails> tree = this.units.tree();
		UnitDetails consolidating = tree.find(unitCode).orElseThrow();
		ReadScope.of(caller, this.units.pathsOn(wanted.end())).require("unit", unitCode);
		List<String> received = Obligations.owed(found, wanted, tree, this.periods.calendar(found.reporting()))
			.stream()
			.filter((obligation) -> obligation.receiverUnitCode().equals(unitCode))
			.map(Obligation::submissionId)
			.toList();
		Submission own = this.submissions.find(Obligation.submissionId(found.planId(), wanted.id(), unitCode))
			.orElse(null);
		// The receiver consolidates for the issuer: its figures are the issuer's.
		String figuresOf = unitCode.equals(found.reporting().receiverUnitCode()) ? found.issuerCode() : unitCode;
		CompiledFigures figures = (own != null) ? own.figures()
				: this.compiler.compile(found, figuresOf, wanted.start(), wanted.end());
		return file(SubmissionReports.consolidated(found, wanted, consolidating, own, figures,
				this.submissions.findAll(received), tree, this.compiler.today()), format);
	}

	private ResponseEntity<byte[]> file(ReportDocument document, ExportFormat format) {
		byte[] bytes = this.exporters.get(format).write(document);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(format.mediaType()))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(format.fileName(document)).build().toString())
			.body(bytes);
	}

}
