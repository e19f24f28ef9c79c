package vn.gov.cchc.notification.reminder;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Reads a sorted query page by page until enough documents pass a test the store cannot
 * apply (what the caller may read is a walk up the unit tree), so that a list holds
 * {@code limit} readable documents whenever there are that many, not the readable ones
 * among the first {@code limit}.
 */
final class FilteredReads {

	/** Documents read per round trip, at least. */
	private static final int PAGE = 100;

	private FilteredReads() {
	}

	/**
	 * The first {@code limit} documents of the query, in its order, that pass the test. A
	 * document met twice (one inserted ahead of the page moved the rest along) counts
	 * once.
	 */
	static <T> List<T> first(MongoTemplate mongo, Query query, Class<T> type, Function<T, String> id,
			Predicate<T> wanted, int limit) {
		int page = Math.max(limit, PAGE);
		List<T> found = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		for (long skip = 0;; skip += page) {
			List<T> read = mongo.find(Query.of(query).skip(skip).limit(page), type);
			for (T document : read) {
				if (seen.add(id.apply(document)) && wanted.test(document)) {
					found.add(document);
					if (found.size() == limit) {
						return found;
					}
				}
			}
			if (read.size() < page) {
				return found;
			}
		}
	}

}
