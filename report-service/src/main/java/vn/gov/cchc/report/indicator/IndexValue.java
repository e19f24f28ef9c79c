package vn.gov.cchc.report.indicator;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The published result of an external index for one unit and year, as a reviewer recorded
 * it.
 *
 * @param unitCode the unit the index was published for (usually a province)
 * @param index the index's canonical name ({@code PAR_INDEX}, {@code SIPAS}, ...)
 * @param year the year the index measures
 * @param value the score or percentage, if published
 * @param level the group it was placed in ({@code Khá}, {@code Tốt}, ...), if published
 * @param rank its place among the provinces (1 is best), if published
 * @param publishedOn when the result was published
 * @param source where it was published (decision number, link)
 * @param recordedBy who recorded it last
 * @param recordedAt when it was recorded last
 * @param audit every recording of this result, oldest first, the last being the current
 * one
 */
public record IndexValue(String unitCode, String index, int year, @Nullable BigDecimal value, @Nullable String level,
		@Nullable Integer rank, @Nullable LocalDate publishedOn, @Nullable String source, String recordedBy,
		Instant recordedAt, List<Recording> audit) {

	public IndexValue {
		audit = List.copyOf(audit);
	}

	/**
	 * One recording of a result: what was entered, by whom, when.
	 *
	 * @param value the score entered
	 * @param level the level entered
	 * @param rank the rank entered
	 * @param publishedOn the publication day entered
	 * @param source the source entered
	 * @param recordedBy the reviewer's login (the token's {@code sub})
	 * @param recordedAt when
	 */
	public record Recording(@Nullable BigDecimal value, @Nullable String level, @Nullable Integer rank,
			@Nullable LocalDate publishedOn, @Nullable String source, String recordedBy, Instant recordedAt) {

	}

}
