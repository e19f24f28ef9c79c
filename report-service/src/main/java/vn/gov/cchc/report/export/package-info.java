/**
 * Exports of a periodic report (báo cáo định kỳ) of one unit, or of a province's
 * consolidated report, as the DOCX and XLSX files officials file. The input records
 * ({@link vn.gov.cchc.report.export.ReportDocument} and its parts) hold no Spring and no
 * persistence, so whatever assembles a report (a submission, a consolidation) only has to
 * fill them in.
 */
@NullMarked
package vn.gov.cchc.report.export;

import org.jspecify.annotations.NullMarked;
