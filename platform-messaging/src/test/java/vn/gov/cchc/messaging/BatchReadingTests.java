package vn.gov.cchc.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A batch is read record by record and applied at once; a record that cannot be read
 * stops it at its index, after what was read before it is applied.
 */
class BatchReadingTests {

	private final List<List<String>> applied = new ArrayList<>();

	@Test
	void appliesWhatEveryRecordCarriesOnceSkippingTheRecordsThatCarryNothing() {
		List<Integer> indexes = new ArrayList<>();

		BatchReading.readThenApply(List.of("a", "skip", "b"), (record, i) -> {
			indexes.add(i);
			return "skip".equals(record) ? null : record.toUpperCase();
		}, this.applied::add);

		assertThat(indexes).containsExactly(0, 1, 2);
		assertThat(this.applied).containsExactly(List.of("A", "B"));
	}

	@Test
	void appliesAnEmptyBatchAsEmpty() {
		BatchReading.readThenApply(List.<String>of(), (record, i) -> record, this.applied::add);

		assertThat(this.applied).containsExactly(List.of());
	}

	@Test
	void aPoisonRecordFailsTheBatchAtItsIndexAfterApplyingTheRecordsBeforeIt() {
		PoisonEventException poison = new PoisonEventException("CloudEvent has no string 'type'");
		List<String> read = new ArrayList<>();

		BatchListenerFailedException failure = catchThrowableOfType(BatchListenerFailedException.class,
				() -> BatchReading.readThenApply(List.of("a", "skip", "poison", "b"), (record, i) -> {
					read.add(record);
					if ("poison".equals(record)) {
						throw poison;
					}
					return "skip".equals(record) ? null : record;
				}, this.applied::add));

		assertThat(failure.getIndex()).isEqualTo(2);
		assertThat(failure.getCause()).isSameAs(poison);
		assertThat(failure.getMessage()).contains("CloudEvent has no string 'type'");
		assertThat(read).as("nothing after the poison record is read").containsExactly("a", "skip", "poison");
		assertThat(this.applied).containsExactly(List.of("a"));
	}

	@Test
	void aPoisonFirstRecordAppliesNothingButAnEmptyList() {
		assertThatExceptionOfType(BatchListenerFailedException.class)
			.isThrownBy(() -> BatchReading.<String, String>readThenApply(List.of("poison", "a"), (record, i) -> {
				throw new PoisonEventException("Record value is not JSON");
			}, this.applied::add))
			.satisfies((failure) -> assertThat(failure.getIndex()).isZero());
		assertThat(this.applied).containsExactly(List.of());
	}

	@Test
	void anyOtherExceptionGoesUpAsItIsWithNothingApplied() {
		IllegalStateException outage = new IllegalStateException("store away");

		assertThatExceptionOfType(IllegalStateException.class)
			.isThrownBy(() -> BatchReading.readThenApply(List.of("a", "b"), (record, i) -> {
				if ("b".equals(record)) {
					throw outage;
				}
				return record;
			}, this.applied::add))
			.isSameAs(outage);
		assertThat(this.applied).isEmpty();
	}

	@Test
	void aConsumerMayStopTheBatchForMoreThanPoisonWithItsOwnMessage() {
		IllegalStateException broken = new IllegalStateException("reader broke");

		BatchListenerFailedException failure = catchThrowableOfType(BatchListenerFailedException.class,
				() -> BatchReading.readThenApply(List.of("a", "b", "c"), RuntimeException.class,
						"Inbox record could not be read: ", (record, i) -> {
							if ("b".equals(record)) {
								throw broken;
							}
							return record;
						}, this.applied::add));

		assertThat(failure.getIndex()).isEqualTo(1);
		assertThat(failure.getCause()).isSameAs(broken);
		assertThat(failure.getMessage()).contains("Inbox record could not be read: reader broke");
		assertThat(this.applied).containsExactly(List.of("a"));
	}

	@Test
	void readsOneRecordsHeaderOfABatch() {
		Message<List<String>> batch = MessageBuilder.withPayload(List.of("a", "b"))
			.copyHeaders(Map.of(KafkaHeaders.OFFSET, List.of(41L, 42L), KafkaHeaders.RECEIVED_KEY, "not a list"))
			.build();

		assertThat(BatchReading.header(batch, KafkaHeaders.OFFSET, 1)).isEqualTo(42L);
		assertThat(BatchReading.header(batch, KafkaHeaders.OFFSET, 2)).as("beyond the header list").isNull();
		assertThat(BatchReading.header(batch, KafkaHeaders.RECEIVED_KEY, 0)).as("not a list").isNull();
		assertThat(BatchReading.header(batch, KafkaHeaders.RECEIVED_PARTITION, 0)).as("absent").isNull();
	}

}
