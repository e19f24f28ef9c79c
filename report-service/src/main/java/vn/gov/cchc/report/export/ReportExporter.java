package vn.gov.cchc.report.export;

/**
 * Writes a report in one file format, so that a caller can pick the exporter by the
 * format it was asked for.
 */
public interface ReportExporter {

	/** The format this exporter writes. */
	ExportFormat format();

	/**
	 * Writes the report.
	 * @param document the report
	 * @return the file's bytes
	 */
	byte[] write(ReportDocument document);

}
