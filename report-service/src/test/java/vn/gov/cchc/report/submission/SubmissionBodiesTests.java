package vn.gov.cchc.report.submission;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.gov.cchc.web.FieldError;
import vn.gov.cchc.web.ProblemException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Narrative and comment bodies: every bad field is named in a 400, nothing else is read.
 */
class TextsTests {

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void aNarrativeWithLineBreaksAndTabsAndARevisionIsRead() {
		SubmissionBodies.NarrativeEdit edit = SubmissionBodies.narrative(body("""
				{"results": "Dòng 1\\nDòng 2\\tcột", "shortcomings": null, "direction": "Tiếp tục", "revision": 3}"""));

		assertThat(edit.narrative()).isEqualTo(new Narrative("Dòng 1\nDòng 2\tcột", "", "Tiếp tục", ""));
		assertThat(edit.revision()).isEqualTo(3);
	}

	@Test
	void anOversizeSectionIsA400NamingIt() {
		String longText = "ạ".repeat(SubmissionBodies.MAX_SECTION + 1);

		assertThat(fields("{\"proposals\": \"" + longText + "\", \"revision\": 0}")).containsExactly("proposals");
		assertThat(SubmissionBodies
			.narrative(body("{\"proposals\": \"" + "ạ".repeat(SubmissionBodies.MAX_SECTION) + "\", \"revision\": 0}"))
			.narrative()
			.proposals()).hasSize(SubmissionBodies.MAX_SECTION);
	}

	@Test
	void controlCharactersAWrongTypeAndAMissingRevisionAreEachNamed() {
		assertThat(fields("{\"results\": \"a\\u0007b\", \"direction\": 5}")).containsExactly("results", "direction",
				"revision");
		assertThat(fields("{\"results\": \"a\", \"revision\": -1}")).containsExactly("revision");
		assertThat(fields("{\"results\": \"a\", \"revision\": \"3\"}")).containsExactly("revision");
	}

	@Test
	void aReturnNeedsAComment() {
		assertThat(SubmissionBodies.comment(body("{\"comment\": \"  Thiếu số liệu.  \"}"))).isEqualTo("Thiếu số liệu.");
		assertThatThrownBy(() -> SubmissionBodies.comment(body("{\"comment\": \"  \"}")))
			.isInstanceOf(ProblemException.class);
		assertThatThrownBy(() -> SubmissionBodies.comment(body("{}"))).isInstanceOf(ProblemException.class);
		assertThatThrownBy(() -> SubmissionBodies.comment(null)).isInstanceOf(ProblemException.class);
	}

	private JsonNode body(String text) {
		return this.json.readTree(text);
	}

	@SuppressWarnings("unchecked")
	private java.util.List<String> fields(String text) {
		try {
			SubmissionBodies.narrative(body(text));
		}
		catch (ProblemException ex) {
			assertThat(ex.getProblem().getStatus()).isEqualTo(400);
			return ((java.util.List<FieldError>) ex.getProblem().getProperties().get("errors")).stream()
				.map(FieldError::field)
				.toList();
		}
		throw new AssertionError("Expected a 400 for " + text);
	}

}
