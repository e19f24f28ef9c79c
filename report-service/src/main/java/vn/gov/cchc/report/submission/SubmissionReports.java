package vn.gov.cchc.report.submission;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import vn.gov.cchc.events.DatedUnitTree;
import vn.gov.cchc.events.PeriodType;
import vn.gov.cchc.events.PlanDetails;
import vn.gov.cchc.events.UnitDetails;
import vn.gov.cchc.events.UnitKind;
import vn.gov.cchc.report.export.ReportDocument;
import vn.gov.cchc.report.export.Section;
import vn.gov.cchc.report.export.Table;
import vn.gov.cchc.report.export.VietnameseText;
import vn.gov.cchc.report.figures.Tally;
import vn.gov.cchc.report.period.Period;

/**
 * Lays a submission (or a unit's consolidation of the reports it receives) out as an
 * administrative report: the unit as issuer under its parent of the period's end day, the
 * narrative as sections I–IV, the figures per activity as a table, the receiving unit as
 * recipient. The number is left for the clerk ({@code …/BC-UBND}).
 */
final class SubmissionReports {

	private static final List<String> FIGURE_COLUMNS = List.of("STT", "Hoạt động", "Số lượt", "Kinh phí (đồng)",
			"Số lượng");

	private SubmissionReports() {
	}

	/** The report of one submission. */
	static ReportDocument of(Submission submission, DatedUnitTree<UnitDetails> tree, LocalDate date) {
		UnitDetails unit = tree.find(submission.unitCode()).orElseThrow();
		List<Table> tables = List.of(figures(submission.figures()));
		return document(unit, submission.periodEnd(), tree, date,
				subtitle(submission.periodType(), submission.periodId()), sections(submission.narrative()), tables,
				List.of(name(tree, submission.receiverUnitCode())));
	}

	/**
	 * A unit's consolidated report: its own narrative if it reported, its figures, and
	 * one row per report it receives.
	 */
	static ReportDocument consolidated(PlanDetails plan, Period period, UnitDetails unit, @Nullable Submission own,
			CompiledFigures figures, List<Submission> received, DatedUnitTree<UnitDetails> tree, LocalDate date) {
		List<List<@Nullable Object>> rows = new ArrayList<>();
		int number = 1;
		for (Submission submission : received) {
			rows.add(Arrays.asList(number++, submission.unitName(), submission.status().label(),
					(submission.firstSubmittedAt() != null)
							? LocalDate.ofInstant(submission.firstSubmittedAt(), ReportCompiler.VIETNAM).toString()
							: null,
					submission.everSubmitted() ? (submission.late() ? "Muộn" : "Đúng hạn") : "Chưa nộp",
					submission.everSubmitted() ? submission.figures().total().events() : null,
					submission.everSubmitted() ? submission.figures().total().budgetSpentVnd() : null));
		}
		Table children = new Table("Tình hình báo cáo của các đơn vị",
				List.of("STT", "Đơn vị", "Trạng thái", "Ngày nộp", "Thời hạn", "Số lượt", "Kinh phí (đồng)"), rows);
		List<String> recipients = (own != null) ? List.of(name(tree, own.receiverUnitCode()))
				: List.of(name(tree, plan.issuerCode()));
		return document(unit, period.end(), tree, date, subtitle(period.type(), period.id()),
				sections((own != null) ? own.narrative() : Narrative.EMPTY), List.of(figures(figures), children),
				recipients);
	}

	private static ReportDocument document(UnitDetails unit, LocalDate day, DatedUnitTree<UnitDetails> tree,
			LocalDate date, String subtitle, List<Section> sections, List<Table> tables, List<String> recipients) {
		String parent = unit.parentOn(day);
		String superior = (parent != null) ? tree.find(parent).map(UnitDetails::name).orElse(null) : null;
		return new ReportDocument((superior != null) ? VietnameseText.upper(superior) : null,
				VietnameseText.upper(unit.name()), "…/BC-" + abbreviation(unit), place(unit, day, tree), date,
				"BÁO CÁO", subtitle, sections, tables, recipients, signerTitle(unit.kind()), null);
	}

	/**
	 * "Kết quả công tác tuyên truyền cải cách hành chính" and the period as documents say
	 * it: 6 tháng đầu năm 2022, năm 2022, quý I năm 2024, tháng 5 năm 2024, 9 tháng đầu
	 * năm 2022.
	 */
	static String subtitle(PeriodType type, String periodId) {
		Period.Key key = Period.parse(periodId);
		String period = switch (type) {
			case YEAR -> "năm " + key.year();
			case HALF_YEAR -> ((key.number() == 1) ? "6 tháng đầu năm " : "6 tháng cuối năm ") + key.year();
			case NINE_MONTHS -> ((key.number() == 1) ? "9 tháng đầu năm " : "quý IV năm ") + key.year();
			case QUARTER -> "quý " + List.of("I", "II", "III", "IV").get(key.number() - 1) + " năm " + key.year();
			case MONTH -> "tháng " + key.number() + " năm " + key.year();
		};
		return "Kết quả công tác tuyên truyền cải cách hành chính " + period;
	}

	private static List<Section> sections(Narrative narrative) {
		return List.of(section("I. KẾT QUẢ ĐẠT ĐƯỢC", narrative.results()),
				section("II. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN", narrative.shortcomings()),
				section("III. PHƯƠNG HƯỚNG, NHIỆM VỤ KỲ TỚI", narrative.direction()),
				section("IV. ĐỀ XUẤT, KIẾN NGHỊ", narrative.proposals()));
	}

	private static Section section(String heading, String text) {
		return new Section(heading, text.lines().map(String::strip).filter((line) -> !line.isEmpty()).toList());
	}

	private static Table figures(CompiledFigures figures) {
		List<List<@Nullable Object>> rows = new ArrayList<>();
		int number = 1;
		for (ActivityFigures row : figures.activities()) {
			rows.add(Arrays.asList(number++, row.activityId() + ". " + row.title(), row.tally().events(),
					row.tally().budgetSpentVnd(), quantities(row.tally())));
		}
		rows.add(Arrays.asList(null, "Tổng cộng", figures.total().events(), figures.total().budgetSpentVnd(),
				quantities(figures.total())));
		return new Table("Số liệu theo hoạt động của kế hoạch", FIGURE_COLUMNS, rows);
	}

	/** The quantities by metric name, so the cell reads the same every time. */
	private static String quantities(Tally tally) {
		return new TreeMap<>(tally.quantities()).entrySet()
			.stream()
			.filter((entry) -> entry.getValue() != 0)
			.map((Map.Entry<String, Long> entry) -> entry.getKey() + ": " + entry.getValue())
			.collect(Collectors.joining("; "));
	}

	/** UBND for the people's committees, the code's suffix (SNV) for a department. */
	private static String abbreviation(UnitDetails unit) {
		return switch (unit.kind()) {
			case PROVINCE, DISTRICT, COMMUNE -> "UBND";
			default -> {
				int dash = unit.code().lastIndexOf('-');
				yield (dash >= 0 && dash < unit.code().length() - 1) ? unit.code().substring(dash + 1) : "CQ";
			}
		};
	}

	/** The province's name without "Tỉnh" or "Thành phố". */
	private static String place(UnitDetails unit, LocalDate day, DatedUnitTree<UnitDetails> tree) {
		for (String code : tree.pathOn(unit.code(), day).codes()) {
			UnitDetails candidate = tree.find(code).orElseThrow();
			if (candidate.kind() == UnitKind.PROVINCE) {
				return candidate.name().replaceFirst("^(Tỉnh|Thành phố)\\s+", "");
			}
		}
		return unit.name();
	}

	private static String signerTitle(UnitKind kind) {
		return switch (kind) {
			case PROVINCE, DISTRICT, COMMUNE -> "TM. ỦY BAN NHÂN DÂN\nChủ tịch";
			default -> "Giám đốc";
		};
	}

	private static String name(DatedUnitTree<UnitDetails> tree, String code) {
		return tree.find(code).map(UnitDetails::name).orElse(code);
	}

}
