package vn.gov.cchc.report.export;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The DOCX and XLSX exports of one report open in LibreOffice: a headless conversion to
 * PDF succeeds and the PDF's text shows the narrative and the figures, Vietnamese
 * diacritics included. LibreOffice is a requirement of the build (CI installs it), so
 * this test fails rather than skips without it.
 */
class LibreOfficeConversionTests {

	private static final long TIMEOUT_SECONDS = 120;

	@TempDir
	Path directory;

	@Test
	void docxConvertsToAPdfShowingTheHeaderTheNarrativeAndTheFigures() throws Exception {
		Path docx = Files.write(this.directory.resolve("bao-cao.docx"),
				new DocxExporter().write(ExportFixtures.tamSon()));

		String text = pdfText(convert(docx));

		assertThat(text).contains("ỦY BAN NHÂN DÂN XÃ TAM SƠN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
				"Độc lập - Tự do - Hạnh phúc", "Số: 15/BC-UBND", "Bắc Ninh, ngày 10 tháng 6 năm 2022",
				"Kết quả công tác tuyên truyền cải cách hành chính 6 tháng đầu năm 2022", "I. KẾT QUẢ THỰC HIỆN",
				ExportFixtures.BROADCASTS_SENTENCE, ExportFixtures.SHORTCOMING_SENTENCE, ExportFixtures.FIGURES_TITLE,
				"HD07 Phát thanh chuyên mục CCHC 24 360 1.500.000", "Tổng cộng 41 360 5.500.000", "- Lưu: VT.",
				"CHỦ TỊCH", "Nguyễn Văn Hùng");
	}

	@Test
	void xlsxConvertsToAPdfShowingTheNarrativeAndTheFigures() throws Exception {
		Path xlsx = Files.write(this.directory.resolve("bao-cao.xlsx"),
				new XlsxExporter().write(ExportFixtures.tamSon()));

		String text = pdfText(convert(xlsx));

		assertThat(text).contains("Ủy ban nhân dân xã Tam Sơn", "15/BC-UBND", "10/06/2022",
				ExportFixtures.BROADCASTS_SENTENCE, ExportFixtures.SHORTCOMING_SENTENCE, "Thời lượng (phút)");
		// the #,##0 format groups digits the way the reader's locale does: dots in
		// Vietnamese, commas in the English locale LibreOffice runs in here
		assertThat(text).containsPattern("HD07 Phát thanh chuyên mục CCHC 24 360 1[.,]500[.,]000")
			.containsPattern("Tổng cộng 41 360 5[.,]500[.,]000");
	}

	/**
	 * Runs {@code soffice --headless --convert-to pdf} with a profile of its own, so that
	 * parallel builds and a desktop session of the same user do not lock each other out.
	 */
	private Path convert(Path file) throws IOException, InterruptedException {
		Path profile = this.directory.resolve("lo-profile");
		Path log = this.directory.resolve(file.getFileName() + ".log");
		List<String> command = List.of("soffice", "-env:UserInstallation=" + profile.toUri(), "--headless",
				"--convert-to", "pdf", "--outdir", this.directory.toString(), file.toString());
		Process process;
		try {
			process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		}
		catch (IOException ex) {
			throw new AssertionError("Could not start soffice; install LibreOffice (apt-get install "
					+ "libreoffice-writer-nogui libreoffice-calc-nogui fonts-liberation, as .ci/run does)", ex);
		}
		if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
			process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			fail("soffice did not convert %s within %d s: %s%n%s", file, TIMEOUT_SECONDS, command, output(log));
		}
		Path pdf = this.directory.resolve(file.getFileName().toString().replaceFirst("\\.[a-z]+$", ".pdf"));
		assertThat(process.exitValue()).as("exit code of %s%n%s", command, output(log)).isZero();
		assertThat(pdf).as("PDF from %s%n%s", command, output(log)).isNotEmptyFile();
		return pdf;
	}

	/** The PDF's text with each run of white space as one space, in composed Unicode. */
	private static String pdfText(Path pdf) throws IOException {
		File file = pdf.toFile();
		try (PDDocument document = Loader.loadPDF(file)) {
			String text = new PDFTextStripper().getText(document);
			return Normalizer.normalize(text, Normalizer.Form.NFC).replaceAll("\\s+", " ");
		}
	}

	private static String output(Path log) throws IOException {
		return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "(no output)";
	}

}
