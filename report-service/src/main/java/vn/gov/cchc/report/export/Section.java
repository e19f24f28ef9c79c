package vn.gov.cchc.report.export;

import java.util.List;

/**
 * A numbered part of the report's narrative, such as {@code "I. KẾT QUẢ THỰC HIỆN"} or
 * {@code "IV. ĐỀ XUẤT, KIẾN NGHỊ"}, with its paragraphs in order.
 *
 * @param heading the heading as it is printed, numbering included
 * @param paragraphs the paragraphs, each one block of running text
 */
public record Section(String heading, List<String> paragraphs) {

	public Section {
		if (heading.isBlank()) {
			throw new IllegalArgumentException("A section needs a heading");
		}
		paragraphs = List.copyOf(paragraphs);
	}

}
