package vn.gov.cchc.plan.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import vn.gov.cchc.plan.cloudevent.BatchPublisher;
import vn.gov.cchc.plan.cloudevent.PublishFailedException;
import vn.gov.cchc.web.FieldError;
import vn.gov.cchc.web.ProblemException;
import vn.gov.cchc.web.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Service;

/**
 * {@code POST /api/v1/progress:batch}: every report decided on its own, the events of the
 * accepted ones published together, each report answered with how it ended.
 *
 * <p>
 * Why: docs/ingestion.md, "Batches (ProgressBatchIngestion)".
 */
@Service
class ProgressBatchIngestion {

	/**
	 * Asynchronous twin of the single-report binding: same topic, same producer settings.
	 */
	static final String BINDING = "publishProgressBatch-out-0";

	private final ProgressRequestReader reader;

	private final ProgressRequestValidator validator;

	private final ProgressIngestion ingestion;

	private final PlanConformance conformance;

	private final ProgressReceipts receipts;

	private final BatchPublisher publisher;

	private final MeterRegistry meters;

	private final int maxReports;

	ProgressBatchIngestion(ProgressRequestReader reader, ProgressRequestValidator validator,
			ProgressIngestion ingestion, PlanConformance conformance, ProgressReceipts receipts,
			BatchPublisher publisher, MeterRegistry meters, IngestProperties properties) {
		this.reader = reader;
		this.validator = validator;
		this.ingestion = ingestion;
		this.conformance = conformance;
		this.receipts = receipts;
		this.publisher = publisher;
		this.meters = meters;
		this.maxReports = properties.maxBatchReports();
	}

	/**
	 * @param body the request body, which must be a JSON array of 1 to
	 * {@code cchc.ingest.max-batch-reports} reports
	 * @throws ProblemException for a body that is no such array
	 * @throws PublishFailedException if events were due and the broker acknowledged none
	 */
	BatchResult ingest(JsonNode body) {
		requireBatch(body);
		int size = body.size();
		BatchResult.Item[] results = new BatchResult.Item[size];
		ValidProgress[] valid = new ValidProgress[size];
		for (int i = 0; i < size; i++) {
			JsonNode report = body.get(i);
			try {
				valid[i] = this.validator.validate(this.reader.read(report));
			}
			catch (ProblemException ex) {
				results[i] = refused(i, eventIdOf(report), true, ex);
			}
		}
		ingestValid(valid, results, true);
		return BatchResult.of(List.of(results));
	}

	/**
	 * Decides every valid report of a batch and publishes the events of those accepted,
	 * for HTTP and the inbox alike: the new claims are written with one insert, the
	 * events are all handed to the producer, and the acknowledgements are awaited once.
	 * @param valid the reports, {@code null} where one was refused already
	 * @param results filled in at every index of a valid report
	 * @param countRefusals whether refusals count as answered with a problem
	 * ({@code cchc.ingest.rejected}), as over HTTP
	 * @throws PublishFailedException if events were due and the broker acknowledged none
	 * @throws org.springframework.dao.DataAccessResourceFailureException if the claims
	 * could not be written; nothing is published then
	 */
	void ingestValid(@Nullable ValidProgress[] valid, BatchResult.Item[] results, boolean countRefusals) {
		KnownReceipts known = new KnownReceipts(this.receipts).prefetch(idsOf(valid));
		PlanConformance.Lookups lookups = this.conformance.lookups();
		Map<String, Integer> firstIndex = new HashMap<>();
		Map<Integer, Integer> copies = new HashMap<>();
		List<Integer> toPublish = new ArrayList<>();
		List<ProgressIngestion.Decision.Publish> publishes = new ArrayList<>();
		try {
			decideAll(valid, results, countRefusals, known, lookups, firstIndex, copies, toPublish, publishes);
		}
		catch (RuntimeException ex) {
			// Nothing of the batch is published: its claims go.
			publishes.stream()
				.filter(ProgressIngestion.Decision.Publish::claimed)
				.forEach((publish) -> this.receipts.release(publish.receipt()));
			throw ex;
		}
		// The batch's one store round trip: every new claim in one insert, before any
		// event is published.
		this.receipts.persist(publishes.stream()
			.filter(ProgressIngestion.Decision.Publish::claimed)
			.map(ProgressIngestion.Decision.Publish::receipt)
			.toList());
		// Claims of other requests, pending, are published again once they are written.
		for (int j = publishes.size() - 1; j >= 0; j--) {
			ProgressIngestion.Decision.Publish publish = publishes.get(j);
			if (!publish.claimed() && !this.receipts.awaitWritten(publish.receipt().eventId())) {
				int index = toPublish.remove(j);
				publishes.remove(j);
				results[index] = failed(index, publish.receipt().eventId());
			}
		}
		publish(publishes, toPublish, results);
		copies.forEach((copy, first) -> results[copy] = results[first].at(copy));
	}

	private void decideAll(@Nullable ValidProgress[] valid, BatchResult.Item[] results, boolean countRefusals,
			KnownReceipts known, PlanConformance.Lookups lookups, Map<String, Integer> firstIndex,
			Map<Integer, Integer> copies, List<Integer> toPublish, List<ProgressIngestion.Decision.Publish> publishes) {
		for (int i = 0; i < valid.length; i++) {
			ValidProgress progress = valid[i];
			if (progress == null) {
				continue;
			}
			Integer first = firstIndex.putIfAbsent(progress.eventId(), i);
			if (first != null) {
				if (valid[first].bodyHash().equals(progress.bodyHash())) {
					copies.put(i, first);
				}
				else {
					results[i] = refused(i, progress.eventId(), countRefusals,
							new ProblemException(Problems.conflict("event-id-conflict", "Mã sự kiện đã được dùng",
									"Mã sự kiện này đã được dùng cho một báo cáo có nội dung khác trong cùng lô.",
									List.of(new FieldError("eventId", "Trùng mã sự kiện với báo cáo ở vị trí " + first
											+ " (tính từ 0) của lô nhưng khác nội dung.")))));
				}
				continue;
			}
			try {
				ProgressIngestion.Decision decision = this.ingestion.decide(progress, lookups, known);
				if (decision instanceof ProgressIngestion.Decision.Duplicate duplicate) {
					results[i] = BatchResult.Item.accepted(i, progress.eventId(), duplicate.receipt().recordedAt(),
							true);
				}
				else {
					toPublish.add(i);
					publishes.add((ProgressIngestion.Decision.Publish) decision);
				}
			}
			catch (ProblemException ex) {
				results[i] = refused(i, progress.eventId(), countRefusals, ex);
			}
		}
	}

	private void publish(List<ProgressIngestion.Decision.Publish> publishes, List<Integer> indexes,
			BatchResult.Item[] results) {
		if (publishes.isEmpty()) {
			return;
		}
		List<Boolean> acknowledged = this.publisher.publish(BINDING, publishes.stream()
			.map((publish) -> new BatchPublisher.Keyed(publish.progress().unitCode(),
					ProgressEvents.of(publish.progress(), publish.receipt()), ReceiptHeader.of(publish.receipt())))
			.toList());
		if (!acknowledged.contains(true)) {
			throw new PublishFailedException("No event of a batch of " + publishes.size() + " was acknowledged",
					new IllegalStateException("The broker acknowledged none of the batch's events"));
		}
		List<String> recorded = new ArrayList<>();
		for (int j = 0; j < publishes.size(); j++) {
			ProgressReceipt receipt = publishes.get(j).receipt();
			int index = indexes.get(j);
			if (acknowledged.get(j)) {
				recorded.add(receipt.eventId());
				results[index] = BatchResult.Item.accepted(index, receipt.eventId(), receipt.recordedAt(), false);
			}
			else {
				results[index] = failed(index, receipt.eventId());
			}
		}
		this.ingestion.countAccepted(recorded.size());
		this.receipts.markAllRecorded(recorded);
	}

	private static BatchResult.Item failed(int index, String eventId) {
		return new BatchResult.Item(index, eventId, BatchResult.Status.FAILED, null, null,
				List.of(new FieldError(FieldError.BODY, "Hệ thống chuyển sự kiện (Kafka) chưa xác nhận đã "
						+ "nhận báo cáo này; hãy gửi lại đúng nội dung cũ sau ít phút.")));
	}

	private void requireBatch(JsonNode body) {
		if (!body.isArray()) {
			throw new ProblemException(Problems.invalid(
					List.of(new FieldError(FieldError.BODY, "Nội dung phải là một mảng JSON các báo cáo tiến độ."))));
		}
		if (body.isEmpty()) {
			throw new ProblemException(Problems
				.invalid(List.of(new FieldError(FieldError.BODY, "Lô phải có ít nhất một báo cáo tiến độ."))));
		}
		if (body.size() > this.maxReports) {
			throw new ProblemException(
					Problems.of(HttpStatus.CONTENT_TOO_LARGE, "batch-too-large", "Lô báo cáo quá lớn",
							"Một lô có tối đa " + this.maxReports + " báo cáo; lô này có " + body.size()
									+ ". Hãy chia thành nhiều lô.",
							List.of(new FieldError("[" + this.maxReports + "]",
									"Vượt quá " + this.maxReports + " báo cáo mỗi lô."))));
		}
	}

	private BatchResult.Item refused(int index, @Nullable String eventId, boolean count, ProblemException ex) {
		ProblemDetail problem = ex.getProblem();
		if (count) {
			Counter.builder("cchc.ingest.rejected")
				.description("Progress reports answered with a problem, by its type")
				.tag("reason", Problems.slugOf(problem))
				.register(this.meters)
				.increment();
		}
		BatchResult.Status status = (problem.getStatus() == HttpStatus.CONFLICT.value()) ? BatchResult.Status.CONFLICT
				: BatchResult.Status.REJECTED;
		return new BatchResult.Item(index, eventId, status, null, problem.getType(), errorsOf(problem));
	}

	@SuppressWarnings("unchecked")
	static List<FieldError> errorsOf(ProblemDetail problem) {
		Map<String, Object> properties = problem.getProperties();
		Object errors = (properties != null) ? properties.get(Problems.ERRORS) : null;
		return (errors instanceof List<?> list) ? (List<FieldError>) list : List.of();
	}

	private static @Nullable String eventIdOf(JsonNode report) {
		JsonNode eventId = report.get("eventId");
		return (eventId != null && eventId.isString()) ? eventId.asString() : null;
	}

	private static Set<String> idsOf(@Nullable ValidProgress[] valid) {
		Set<String> ids = new LinkedHashSet<>();
		for (ValidProgress progress : valid) {
			if (progress != null) {
				ids.add(progress.eventId());
				if (progress.refersTo() != null) {
					ids.add(progress.refersTo());
				}
			}
		}
		return ids;
	}

}
