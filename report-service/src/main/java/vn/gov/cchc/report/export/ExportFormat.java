package vn.gov.cchc.report.export;

/**
 * The file formats a report is exported in, with what an HTTP response or a mail
 * attachment needs to name them.
 */
public enum ExportFormat {

	/** A Word document, the one that is signed and filed. */
	DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),

	/** A workbook of the figures, for officials who add them up further. */
	XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");

	private final String mediaType;

	private final String extension;

	ExportFormat(String mediaType, String extension) {
		this.mediaType = mediaType;
		this.extension = extension;
	}

	/** The media type, for {@code Content-Type}. */
	public String mediaType() {
		return this.mediaType;
	}

	/**
	 * A file name for the report in this format, such as
	 * {@code "bao-cao-ubnd-xa-tam-son-15-bc-ubnd-2022-06-10.docx"}. It is plain ASCII
	 * because some mail clients and older browsers still mangle non-ASCII attachment
	 * names, and Vietnamese is fully readable without its diacritics here.
	 * @param document the report
	 * @return the file name
	 */
	public String fileName(ReportDocument document) {
		String base = VietnameseText.slug(document.title() + " " + document.issuerName() + " " + document.number());
		return base + "-" + document.date() + "." + this.extension;
	}

}
