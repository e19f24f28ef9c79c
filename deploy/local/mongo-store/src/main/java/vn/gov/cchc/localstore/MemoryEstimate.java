package vn.gov.cchc.localstore;

import java.util.Collection;
import java.util.Map;

/**
 * About how much heap a stored value takes, which the MVStore weighs its page cache and
 * page splits by: close enough for both, and far cheaper than encoding the value.
 */
final class MemoryEstimate {

	private static final int OBJECT = 24;

	private static final int ENTRY = 40;

	private MemoryEstimate() {
	}

	static int of(Object value) {
		if (value instanceof String text) {
			return OBJECT + 16 + text.length();
		}
		if (value instanceof Map<?, ?> map) {
			int size = OBJECT + 32;
			for (Map.Entry<?, ?> entry : map.entrySet()) {
				size += ENTRY + of(entry.getKey()) + of(entry.getValue());
			}
			return size;
		}
		if (value instanceof Collection<?> values) {
			int size = OBJECT + 16;
			for (Object element : values) {
				size += 8 + of(element);
			}
			return size;
		}
		return OBJECT;
	}

}
