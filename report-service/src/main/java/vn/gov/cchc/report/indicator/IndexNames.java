package vn.gov.cchc.report.indicator;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Index names as plans write them ({@code PAR INDEX}, {@code SIPAS}, {@code Chính quyền
 * số}) and as URLs carry them ({@code PAR_INDEX}, {@code PAR%20INDEX}) mean the same
 * index: the canonical name is upper case with runs of spaces, underscores and hyphens
 * made one underscore.
 */
final class IndexNames {

	/** The indexes Vietnam publishes every year, canonical. */
	static final Set<String> KNOWN = Set.of("PAR_INDEX", "SIPAS", "PAPI", "PCI", "DDCI", "DTI", "SATISFACTION");

	private static final Pattern NAME = Pattern.compile("^[\\p{L}\\p{N}][\\p{L}\\p{N} _-]{0,39}$");

	private static final Pattern SEPARATORS = Pattern.compile("[\\s_-]+");

	private IndexNames() {
	}

	/** Whether the text may name an index at all (letters, digits, spaces, _ and -). */
	static boolean isWellFormed(String name) {
		return NAME.matcher(name).matches();
	}

	/** The canonical name. */
	static String canonical(String name) {
		String composed = Normalizer.normalize(name.strip(), Normalizer.Form.NFC);
		return SEPARATORS.matcher(composed.toUpperCase(Locale.ROOT)).replaceAll("_");
	}

}
