package vn.gov.cchc.report.indicator;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An index written as a plan writes it and as a URL carries it is the same index.
 */
class IndexNamesTests {

	@Test
	void spacesUnderscoresAndCaseDoNotMakeAnotherIndex() {
		assertThat(IndexNames.canonical("PAR INDEX")).isEqualTo("PAR_INDEX");
		assertThat(IndexNames.canonical(" par_index ")).isEqualTo("PAR_INDEX");
		assertThat(IndexNames.canonical("Chính quyền số")).isEqualTo("CHÍNH_QUYỀN_SỐ");
	}

	@Test
	void onlyLettersDigitsSpacesUnderscoresAndHyphensNameAnIndex() {
		assertThat(IndexNames.isWellFormed("PAR INDEX")).isTrue();
		assertThat(IndexNames.isWellFormed("Chính quyền số")).isTrue();
		assertThat(IndexNames.isWellFormed("PCI|2023")).isFalse();
		assertThat(IndexNames.isWellFormed("$where")).isFalse();
		assertThat(IndexNames.isWellFormed("")).isFalse();
	}

}
