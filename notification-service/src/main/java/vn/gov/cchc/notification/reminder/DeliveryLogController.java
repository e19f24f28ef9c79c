package vn.gov.cchc.notification.reminder;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import vn.gov.cchc.notification.contact.UnitTree;
import vn.gov.cchc.security.Caller;
import vn.gov.cchc.web.FieldError;
import vn.gov.cchc.web.ProblemException;
import vn.gov.cchc.web.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The delivery log and the reminder schedule, read-only: {@code GET /api/v1/deliveries}
 * (every message, its attempts and outcome) and {@code GET /api/v1/reminders} (each
 * reminder of a report or of a recipient, and where it is).
 * <p>
 * Officers, reviewers and administrators read them (see {@link ReadableLog} for whose):
 * the lists hold only what the caller may read, whatever the query asks for, so a unit
 * outside the caller's scope gives an empty list. A delivery asked for by id that the
 * caller may not read is 403 naming {@code id} (404 only when there is no such delivery):
 * the caller named that one message, whose id is random and says nothing, and a 403 tells
 * it why instead of suggesting the log lost it.
 */
@RestController
@RequestMapping("/api/v1")
class DeliveryLogController {

	private static final int MAX_LIMIT = 500;

	private final Deliveries deliveries;

	private final Reminders reminders;

	private final UnitTree tree;

	private final ZoneId zone;

	DeliveryLogController(Deliveries deliveries, Reminders reminders, UnitTree tree, ReminderProperties properties) {
		this.deliveries = deliveries;
		this.reminders = reminders;
		this.tree = tree;
		this.zone = properties.zone();
	}

	@GetMapping("/deliveries")
	List<DeliveryView> deliveries(Caller caller, @RequestParam(required = false) @Nullable String unit,
			@RequestParam(required = false) @Nullable String channel,
			@RequestParam(required = false) @Nullable String state,
			@RequestParam(required = false, defaultValue = "50") String limit) {
		List<FieldError> problems = new ArrayList<>();
		Channel byChannel = parse(Channel.class, "channel", channel, problems);
		Delivery.State byState = parse(Delivery.State.class, "state", state, problems);
		int max = limit(limit, problems);
		if (!problems.isEmpty()) {
			throw badRequest(problems);
		}
		return this.deliveries.search(unit, byChannel, byState, max, readable(caller)::delivery)
			.stream()
			.map(DeliveryView::of)
			.toList();
	}

	@GetMapping("/deliveries/{id}")
	DeliveryView delivery(Caller caller, @PathVariable String id) {
		return DeliveryView.of(readableDelivery(caller, id));
	}

	/** The delivery, if it exists (else 404) and the caller may read it (else 403). */
	Delivery readableDelivery(Caller caller, String id) {
		Delivery delivery = this.deliveries.find(id)
			.orElseThrow(() -> new ProblemException(Problems.of(HttpStatus.NOT_FOUND, "delivery-not-found",
					"Không tìm thấy lượt gửi", "Không có lượt gửi nhắc hạn nào có mã '" + id + "'.",
					List.of(new FieldError("id", "Mã lượt gửi '" + id + "' không tồn tại.")))));
		readable(caller).requireDelivery(delivery);
		return delivery;
	}

	@GetMapping("/reminders")
	List<ReminderView> reminders(Caller caller, @RequestParam(required = false) @Nullable String submission,
			@RequestParam(required = false) @Nullable String unit,
			@RequestParam(required = false, defaultValue = "50") String limit) {
		List<FieldError> problems = new ArrayList<>();
		int max = limit(limit, problems);
		if ((submission == null) == (unit == null)) {
			problems.add(new FieldError("submission",
					"Cần đúng một trong hai tham số: 'submission' (mã báo cáo) hoặc 'unit' (mã đơn vị nhận nhắc)."));
		}
		if (!problems.isEmpty()) {
			throw badRequest(problems);
		}
		ReadableLog readable = readable(caller);
		List<Reminder> found = (submission != null) ? this.reminders.ofSubmission(submission, readable::reminder)
				: this.reminders.ofRecipient(unit, max, readable::reminder);
		return found.stream().map(ReminderView::of).toList();
	}

	private ReadableLog readable(Caller caller) {
		return new ReadableLog(caller, this.tree.view(), this.zone);
	}

	private static <E extends Enum<E>> @Nullable E parse(Class<E> type, String field, @Nullable String value,
			List<FieldError> problems) {
		if (value == null) {
			return null;
		}
		try {
			return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			List<String> allowed = Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
			problems.add(new FieldError(field,
					"Giá trị '" + value + "' không hợp lệ; chỉ nhận một trong " + String.join(", ", allowed) + "."));
			return null;
		}
	}

	private static int limit(String value, List<FieldError> problems) {
		try {
			int limit = Integer.parseInt(value);
			if (limit >= 1 && limit <= MAX_LIMIT) {
				return limit;
			}
		}
		catch (NumberFormatException ex) {
			// Reported below.
		}
		problems.add(new FieldError("limit", "Số bản ghi phải là số nguyên từ 1 đến " + MAX_LIMIT + "."));
		return 0;
	}

	private static ProblemException badRequest(List<FieldError> problems) {
		return new ProblemException(Problems.of(HttpStatus.BAD_REQUEST, "invalid-query",
				"Tham số truy vấn không hợp lệ", "Một hoặc nhiều tham số truy vấn không hợp lệ.", problems));
	}

	/**
	 * A message of the delivery log.
	 *
	 * @param id the delivery id
	 * @param recipientUnitCode the unit it went (or was to go) to
	 * @param channel the channel
	 * @param state where it is
	 * @param createdAt when it was made
	 * @param sentAt when the provider took it
	 * @param providerReference the provider's id
	 * @param failure why it failed
	 * @param fallbackFor the channel it stands in for
	 * @param fallbackChannel the channel that took over after it failed
	 * @param retryAt when its reminders are tried again
	 * @param reports what it reminded of
	 * @param attempts each call and its outcome
	 */
	record DeliveryView(String id, String recipientUnitCode, Channel channel, Delivery.State state, Instant createdAt,
			@Nullable Instant sentAt, @Nullable String providerReference, @Nullable String failure,
			@Nullable Channel fallbackFor, @Nullable Channel fallbackChannel, @Nullable Instant retryAt,
			List<Delivery.Item> reports, List<Delivery.Attempt> attempts) {

		static DeliveryView of(Delivery delivery) {
			return new DeliveryView(delivery.id(), delivery.recipientUnitCode(), delivery.channel(), delivery.state(),
					delivery.createdAt(), delivery.sentAt(), delivery.providerReference(), delivery.failure(),
					delivery.fallbackFor(), delivery.fallbackChannel(), delivery.retryAt(), delivery.items(),
					delivery.attempts());
		}

	}

	/**
	 * A reminder of the schedule.
	 *
	 * @param id {@code <submissionId>|<rule>|<channel>}
	 * @param submissionId the report
	 * @param unitCode the unit that owes it
	 * @param periodId its period
	 * @param dueDate its due date
	 * @param rule the rule
	 * @param kind what it says
	 * @param channel the channel
	 * @param recipientUnitCode who it goes to
	 * @param sendAt when it goes (or went)
	 * @param state where it is
	 * @param deliveryId the message that carries it
	 * @param fallbackFrom the channel it stands in for
	 * @param tries failed tries
	 * @param failure the last failure
	 */
	record ReminderView(String id, String submissionId, String unitCode, String periodId, LocalDate dueDate,
			String rule, ReminderKind kind, Channel channel, String recipientUnitCode, Instant sendAt,
			Reminder.State state, @Nullable String deliveryId, @Nullable Channel fallbackFrom, int tries,
			@Nullable String failure) {

		static ReminderView of(Reminder reminder) {
			return new ReminderView(reminder.id(), reminder.submissionId(), reminder.unitCode(), reminder.periodId(),
					reminder.dueDate(), reminder.rule(), reminder.kind(), reminder.channel(),
					reminder.recipientUnitCode(), reminder.sendAt(), reminder.state(), reminder.deliveryId(),
					reminder.fallbackFrom(), reminder.tries(), reminder.failure());
		}

	}

}
