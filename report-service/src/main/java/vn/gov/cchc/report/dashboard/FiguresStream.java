package vn.gov.cchc.report.dashboard;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeSet;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.gov.cchc.report.figures.Figures;
import vn.gov.cchc.report.figures.FiguresChanged;
import vn.gov.cchc.report.figures.FiguresWritten;
import vn.gov.cchc.report.figures.Tally;
import vn.gov.cchc.web.ProblemException;
import vn.gov.cchc.web.Problems;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The live figures stream: each subscriber watches one unit (and optionally one plan);
 * when the counting writes a change of that unit's figures, it gets an event named
 * {@code figures} carrying the unit's figures for each calendar month the change touched
 * (total and per activity), read after the change. Months, not the period: the stream
 * does not know which period a dashboard shows, and a month is what a chart updates; the
 * dashboard re-asks its period's overview when it needs the period's total.
 * <p>
 * {@link FiguresChanged} is published on the read model's consumer thread, once per
 * changed document and batch (not per fact), so the listener only picks the subscribers
 * and hands the work to a small bounded pool: a slow client never holds up the counting.
 * An idle stream gets a {@code heartbeat} comment every {@code heartbeat}. Streams end on
 * completion, timeout or error and are then forgotten; at most {@code max-subscribers}
 * are open at once.
 */
@Component
class FiguresStream implements DisposableBean {

	static final String EVENT_NAME = "figures";

	private static final Logger logger = LoggerFactory.getLogger(FiguresStream.class);

	private final Figures figures;

	private final DashboardProperties.Stream settings;

	private final Set<Subscription> subscriptions = ConcurrentHashMap.newKeySet();

	private final AtomicInteger open = new AtomicInteger();

	private final ThreadPoolExecutor senders;

	private final ScheduledExecutorService heartbeats;

	private final Counter pushed;

	private final Counter dropped;

	FiguresStream(Figures figures, DashboardProperties properties, MeterRegistry registry) {
		this.figures = figures;
		this.settings = properties.stream();
		this.senders = new ThreadPoolExecutor(this.settings.senders(), this.settings.senders(), 60, TimeUnit.SECONDS,
				new ArrayBlockingQueue<>(this.settings.queue()), daemons("dashboard-stream-"));
		this.senders.allowCoreThreadTimeOut(true);
		this.heartbeats = Executors.newSingleThreadScheduledExecutor(daemons("dashboard-heartbeat-"));
		long every = this.settings.heartbeat().toMillis();
		this.heartbeats.scheduleAtFixedRate(this::heartbeat, every, every, TimeUnit.MILLISECONDS);
		Gauge.builder("cchc.dashboard.stream.subscribers", this.open, AtomicInteger::get)
			.description("Open live figures streams")
			.register(registry);
		this.pushed = Counter.builder("cchc.dashboard.stream.pushed")
			.description("Figures events sent to subscribers")
			.register(registry);
		this.dropped = Counter.builder("cchc.dashboard.stream.dropped")
			.description("Figure changes not pushed because the senders were saturated")
			.register(registry);
	}

	/**
	 * Opens a stream of the unit's figures, of every plan or of one.
	 * @throws ProblemException 503 if {@code max-subscribers} streams are open
	 */
	SseEmitter subscribe(String unitCode, @Nullable String planId) {
		if (this.open.incrementAndGet() > this.settings.maxSubscribers()) {
			this.open.decrementAndGet();
			throw new ProblemException(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "too-many-subscribers",
					"Quá nhiều kết nối theo dõi", "Máy chủ đang phục vụ tối đa " + this.settings.maxSubscribers()
							+ " kết nối theo dõi số liệu; vui lòng thử lại sau.",
					List.of()));
		}
		SseEmitter emitter = new SseEmitter(this.settings.timeout().toMillis());
		Subscription subscription = new Subscription(emitter, unitCode, planId);
		this.subscriptions.add(subscription);
		emitter.onCompletion(() -> forget(subscription));
		emitter.onTimeout(() -> {
			forget(subscription);
			emitter.complete();
		});
		emitter.onError((error) -> forget(subscription));
		// Sent at once so that the client knows the stream is open before any change.
		send(subscription, SseEmitter.event().comment("subscribed " + unitCode));
		return emitter;
	}

	/** How many streams are open. */
	int subscribers() {
		return this.open.get();
	}

	@EventListener
	void figuresWritten(FiguresWritten written) {
		written.changes().forEach(this::figuresChanged);
	}

	void figuresChanged(FiguresChanged changed) {
		List<Subscription> watching = this.subscriptions.stream()
			.filter((subscription) -> changed.unitCodes().contains(subscription.unitCode())
					&& (subscription.planId() == null || subscription.planId().equals(changed.planId())))
			.toList();
		if (watching.isEmpty()) {
			return;
		}
		try {
			this.senders.execute(() -> push(changed, watching));
		}
		catch (RejectedExecutionException ex) {
			this.dropped.increment();
		}
	}

	private void push(FiguresChanged changed, List<Subscription> watching) {
		Map<String, FiguresUpdate> updates = new LinkedHashMap<>();
		for (Subscription subscription : watching) {
			FiguresUpdate update = updates.computeIfAbsent(subscription.unitCode(),
					(unitCode) -> update(changed, unitCode));
			if (send(subscription,
					SseEmitter.event()
						.name(EVENT_NAME)
						.id(changed.changeId())
						.data(update, MediaType.APPLICATION_JSON))) {
				this.pushed.increment();
			}
		}
	}

	private FiguresUpdate update(FiguresChanged changed, String unitCode) {
		List<MonthFigures> months = new ArrayList<>();
		for (YearMonth month : new TreeSet<>(changed.dates().stream().map(YearMonth::from).toList())) {
			SortedMap<String, Tally> byActivity = this.figures.byActivity(unitCode, changed.planId(), month.atDay(1),
					month.atEndOfMonth());
			months.add(new MonthFigures(month.toString(), byActivity.values().stream().reduce(Tally.ZERO, Tally::plus),
					byActivity));
		}
		return new FiguresUpdate(changed.changeId(), changed.planId(), unitCode,
				new TreeSet<>(changed.dates()).stream().toList(), changed.at(), months);
	}

	private void heartbeat() {
		for (Subscription subscription : this.subscriptions) {
			send(subscription, SseEmitter.event().comment("heartbeat"));
		}
	}

	/** Sends, forgetting the subscription if the client is gone. */
	private boolean send(Subscription subscription, SseEmitter.SseEventBuilder event) {
		try {
			subscription.emitter().send(event);
			return true;
		}
		catch (IOException | IllegalStateException ex) {
			logger.debug("Live figures stream of {} closed: {}", subscription.unitCode(), ex.getMessage());
			forget(subscription);
			subscription.emitter().completeWithError(ex);
			return false;
		}
	}

	private void forget(Subscription subscription) {
		if (this.subscriptions.remove(subscription)) {
			this.open.decrementAndGet();
		}
	}

	@Override
	public void destroy() {
		this.heartbeats.shutdownNow();
		this.senders.shutdownNow();
		for (Subscription subscription : this.subscriptions) {
			forget(subscription);
			subscription.emitter().complete();
		}
	}

	private static ThreadFactory daemons(String prefix) {
		CustomizableThreadFactory factory = new CustomizableThreadFactory(prefix);
		factory.setDaemon(true);
		return factory;
	}

	/**
	 * One open stream. Identity matters: two streams of the same unit are two
	 * subscriptions, told apart by their emitters, which are equal only to themselves.
	 */
	private record Subscription(SseEmitter emitter, String unitCode, @Nullable String planId) {

	}

	/**
	 * What a {@code figures} event carries.
	 *
	 * @param changeId the written figures document (its id and version) that changed them
	 * @param planId the plan
	 * @param unitCode the subscribed unit
	 * @param dates the days whose figures changed
	 * @param at when the change was applied
	 * @param months the unit's figures for each month the change touched, read after it
	 */
	record FiguresUpdate(String changeId, String planId, String unitCode, List<LocalDate> dates, Instant at,
			List<MonthFigures> months) {

	}

	/**
	 * A unit's figures for one calendar month.
	 *
	 * @param month {@code 2022-05}
	 * @param total all activities together
	 * @param byActivity per activity
	 */
	record MonthFigures(String month, Tally total, Map<String, Tally> byActivity) {

	}

}
