package vn.gov.cchc.report.counting;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.streams.StreamsConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.gov.cchc.report.figures.Figures;
import vn.gov.cchc.report.totals.Totals;

import org.springframework.cloud.stream.binder.kafka.streams.KafkaStreamsRegistry;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.stereotype.Component;
import org.springframework.util.FileSystemUtils;

/**
 * Rebuilds every figure from the log: an application reset of the counting, done by the
 * service itself. It stops the topology, checks that no other instance is still a member
 * of its group, deletes the group (so that it reads {@code cchc.progress} from offset 0
 * again), deletes the topology's changelog and repartition topics and its local state,
 * empties the read model, and starts the topology again. The figures then grow back as
 * the log is reprocessed; the units come back from {@code cchc.units}, kept forever too.
 * <p>
 * With several instances, stop the others first (scale to one): a member still in the
 * group would keep counting on the old state, so the reset refuses to start.
 */
@Component
public class CountingReset {

	private static final Logger logger = LoggerFactory.getLogger(CountingReset.class);

	/**
	 * How long a reset waits for the group to empty: an instance killed just before stays
	 * a member until its session times out (45 s by default), and a loaded broker takes a
	 * while more to notice.
	 */
	private static final Duration PATIENCE = Duration.ofSeconds(90);

	private final KafkaStreamsRegistry registry;

	private final Figures figures;

	private final Totals totals;

	public CountingReset(KafkaStreamsRegistry registry, Figures figures, Totals totals) {
		this.registry = registry;
		this.figures = figures;
		this.totals = totals;
	}

	/**
	 * Resets the counting and starts it again from offset 0.
	 * @throws CountingBusyException if another instance still counts
	 */
	public synchronized ResetResult reset() {
		StreamsBuilderFactoryBean factory = this.registry.streamsBuilderFactoryBeans()
			.stream()
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("The counting topology is not running in this instance"));
		Properties config = factory.getStreamsConfiguration();
		if (config == null) {
			throw new IllegalStateException("The counting topology has no configuration");
		}
		String applicationId = String.valueOf(config.get(StreamsConfig.APPLICATION_ID_CONFIG));
		Instant started = Instant.now();
		// This instance's own member leaves the group at once instead of lingering until
		// its session times out, as Kafka Streams' members otherwise do on close.
		factory.setLeaveGroupOnClose(true);
		factory.stop();
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
				config.get(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG)))) {
			awaitNoMembers(admin, applicationId);
			try {
				admin.deleteConsumerGroups(List.of(applicationId)).all().get(30, TimeUnit.SECONDS);
			}
			catch (ExecutionException ex) {
				if (!(ex.getCause() instanceof GroupIdNotFoundException)) {
					throw ex;
				}
			}
			List<String> internal = admin.listTopics()
				.names()
				.get(30, TimeUnit.SECONDS)
				.stream()
				.filter((topic) -> topic.startsWith(applicationId + "-")
						&& (topic.endsWith("-changelog") || topic.endsWith("-repartition")))
				.sorted()
				.toList();
			admin.deleteTopics(internal).all().get(30, TimeUnit.SECONDS);
			awaitGone(admin, Set.copyOf(internal));
			Object stateDir = config.get(StreamsConfig.STATE_DIR_CONFIG);
			if (stateDir != null) {
				FileSystemUtils.deleteRecursively(Path.of(String.valueOf(stateDir), applicationId));
			}
			this.figures.clear();
			this.totals.clear();
			logger.info("Counting reset: group {} deleted, {} internal topics deleted, read model emptied",
					applicationId, internal.size());
			return new ResetResult(applicationId, internal, started);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while resetting the counting", ex);
		}
		catch (ExecutionException | TimeoutException | IOException ex) {
			throw new IllegalStateException("Could not reset the counting: " + ex.getMessage(), ex);
		}
		finally {
			factory.setLeaveGroupOnClose(false);
			factory.start();
		}
	}

	private static void awaitNoMembers(Admin admin, String applicationId)
			throws InterruptedException, ExecutionException, TimeoutException {
		long deadline = System.nanoTime() + PATIENCE.toNanos();
		while (true) {
			Map<String, ConsumerGroupDescription> groups = admin.describeConsumerGroups(List.of(applicationId))
				.all()
				.get(30, TimeUnit.SECONDS);
			ConsumerGroupDescription group = groups.get(applicationId);
			if (group == null || group.members().isEmpty()) {
				return;
			}
			if (System.nanoTime() > deadline) {
				throw new CountingBusyException(applicationId, group.members().size());
			}
			Thread.sleep(500);
		}
	}

	private static void awaitGone(Admin admin, Set<String> topics)
			throws InterruptedException, ExecutionException, TimeoutException, IOException {
		long deadline = System.nanoTime() + PATIENCE.toNanos();
		while (admin.listTopics().names().get(30, TimeUnit.SECONDS).stream().anyMatch(topics::contains)) {
			if (System.nanoTime() > deadline) {
				throw new IOException("The internal topics " + topics + " were not deleted in " + PATIENCE);
			}
			Thread.sleep(200);
		}
	}

	/**
	 * What a reset did.
	 *
	 * @param applicationId the topology's application id (its consumer group)
	 * @param internalTopicsDeleted the changelog and repartition topics deleted
	 * @param startedAt when the reset began
	 */
	public record ResetResult(String applicationId, List<String> internalTopicsDeleted, Instant startedAt) {

	}

	/** Another instance of the service is still counting. */
	public static class CountingBusyException extends RuntimeException {

		CountingBusyException(String applicationId, int members) {
			super("Group " + applicationId + " still has " + members + " member(s): stop the other instances first");
		}

	}

}
