package vn.gov.cchc.plan.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import vn.gov.cchc.events.PlanDetails;
import vn.gov.cchc.events.PlanStatus;
import vn.gov.cchc.events.UnitDetails;

/**
 * The demo data under {@code deploy/local/demo}, read into the contract records exactly
 * as the runtime script sends it: {@code units.json} is the {@code PUT /api/v1/units}
 * body, each {@code plans/<planId>.json} is a {@code PUT /api/v1/plans/{planId}} body and
 * the day it is issued on.
 *
 * @param directory where the files are
 * @param units every unit of {@code units.json}, in file order
 * @param plans every plan file, by file name
 */
public record DemoData(Path directory, List<UnitDetails> units, List<DemoPlan> plans) {

	/**
	 * Fails on a misspelt field name: a field the contract does not know would be dropped
	 * silently by the service, and the demo would quietly lose what it was meant to show.
	 */
	static final JsonMapper strictJson = JsonMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.build();

	public static DemoData load() {
		Path directory = locate();
		List<UnitDetails> units = strictJson.readValue(directory.resolve("units.json").toFile(),
				new TypeReference<List<UnitDetails>>() {
				});
		List<DemoPlan> plans = new ArrayList<>();
		try (Stream<Path> files = Files.list(directory.resolve("plans"))) {
			for (Path file : files.filter((path) -> path.toString().endsWith(".json")).sorted().toList()) {
				plans.add(DemoPlan.read(file));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return new DemoData(directory, List.copyOf(units), List.copyOf(plans));
	}

	/**
	 * The demo directory, found from the working directory upwards: Maven runs the tests
	 * in the module directory ({@code ../deploy/local/demo}), an IDE may run them from
	 * the repository root.
	 */
	static Path locate() {
		for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
			Path candidate = dir.resolve("deploy").resolve("local").resolve("demo");
			if (Files.isRegularFile(candidate.resolve("units.json"))) {
				return candidate;
			}
		}
		throw new IllegalStateException("No deploy/local/demo/units.json above " + Path.of("").toAbsolutePath());
	}

	Map<String, UnitDetails> unitsByCode() {
		return this.units.stream().collect(Collectors.toMap(UnitDetails::code, Function.identity()));
	}

	Optional<UnitDetails> unit(String code) {
		return this.units.stream().filter((unit) -> unit.code().equals(code)).findFirst();
	}

	DemoPlan plan(String planId) {
		return this.plans.stream()
			.filter((plan) -> plan.planId().equals(planId))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No demo plan " + planId));
	}

	/**
	 * Whether {@code code} is {@code ancestor} or below it on {@code day}, walking the
	 * parents each unit had that day.
	 */
	boolean isWithin(String code, String ancestor, LocalDate day) {
		Map<String, UnitDetails> byCode = unitsByCode();
		String current = code;
		for (int steps = 0; current != null && steps <= byCode.size(); steps++) {
			if (current.equals(ancestor)) {
				return true;
			}
			UnitDetails unit = byCode.get(current);
			current = (unit != null) ? unit.parentOn(day) : null;
		}
		return false;
	}

	/**
	 * One plan file.
	 *
	 * @param file the file
	 * @param planId its {@code planId}
	 * @param issuedOn the day the runtime script issues it on
	 * @param body the plan's fields, the {@code PUT} body without {@code planId} and
	 * {@code issuedOn}
	 * @param draft the body read as the contract's plan: version 1, a draft
	 */
	record DemoPlan(Path file, String planId, LocalDate issuedOn, JsonNode body, PlanDetails draft) {

		static DemoPlan read(Path file) {
			JsonNode root = strictJson.readTree(file);
			String planId = root.required("planId").asString();
			LocalDate issuedOn = LocalDate.parse(root.required("issuedOn").asString());
			ObjectNode body = (ObjectNode) root.deepCopy();
			body.remove(List.of("planId", "issuedOn"));
			ObjectNode whole = body.deepCopy();
			whole.put("planId", planId);
			whole.put("version", 1);
			whole.put("status", PlanStatus.DRAFT.name());
			whole.putNull("issuedOn");
			PlanDetails draft = strictJson.treeToValue(whole, PlanDetails.class);
			return new DemoPlan(file, planId, issuedOn, body, draft);
		}

		/** The plan as it reads once issued on {@link #issuedOn}. */
		PlanDetails issued() {
			PlanDetails plan = this.draft;
			return new PlanDetails(plan.planId(), 1, PlanStatus.ISSUED, plan.number(), plan.title(), plan.issuerCode(),
					this.issuedOn, plan.from(), plan.to(), plan.basis(), plan.contentAreas(), plan.activities(),
					plan.targets(), plan.budgetVnd(), plan.budgetNote(), plan.reporting());
		}

	}

}
