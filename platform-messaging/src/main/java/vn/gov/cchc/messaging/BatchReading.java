package vn.gov.cchc.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.messaging.Message;

/**
 * How a batch consumer reads its records: each in turn, then what was read applied at
 * once. A record that cannot be read stops the batch there: what was read before it is
 * applied, and a {@link BatchListenerFailedException} at its index has the error handler
 * ({@link BatchConsumerErrorHandling}) dead-letter that record alone and hand the rest
 * back, instead of retrying the whole batch for one bad record.
 */
public final class BatchReading {

	private BatchReading() {
	}

	/**
	 * Reads the records and applies what they carry; a poison record stops the batch at
	 * its index.
	 * @param records the batch's records (the payload of a batch message, or records made
	 * of it)
	 * @param reader reads one record: what it carries, {@code null} to skip it
	 * @param apply applies what was read, in order; also called, before the failure, with
	 * what was read before a poison record
	 * @param <R> a record
	 * @param <T> what a record carries
	 * @throws BatchListenerFailedException at the index of the first record whose reading
	 * threw a {@link PoisonEventException}, with that exception's message and as cause
	 */
	public static <R, T> void readThenApply(List<R> records, RecordReader<R, T> reader, Consumer<List<T>> apply) {
		readThenApply(records, PoisonEventException.class, "", reader, apply);
	}

	/**
	 * Like {@link #readThenApply(List, RecordReader, Consumer)}, for a consumer that
	 * stops the batch at a record for more than poison (say, to have the container retry
	 * it before it dead-letters it).
	 * @param unreadable what reading a record may throw that stops the batch at it; other
	 * exceptions go up as they are, with nothing applied
	 * @param message what the failure says before the exception's own message
	 */
	public static <R, T> void readThenApply(List<R> records, Class<? extends RuntimeException> unreadable,
			String message, RecordReader<R, T> reader, Consumer<List<T>> apply) {
		List<T> read = new ArrayList<>(records.size());
		for (int i = 0; i < records.size(); i++) {
			T item;
			try {
				item = reader.read(records.get(i), i);
			}
			catch (RuntimeException ex) {
				if (!unreadable.isInstance(ex)) {
					throw ex;
				}
				apply.accept(read);
				throw new BatchListenerFailedException(message.isEmpty() ? ex.getMessage() : message + ex.getMessage(),
						ex, i);
			}
			if (item != null) {
				read.add(item);
			}
		}
		apply.accept(read);
	}

	/**
	 * One record's value of a batch header ({@code KafkaHeaders.OFFSET},
	 * {@code RECEIVED_KEY}, ...), for logs and for where a record was read.
	 * @return the value at {@code index}, {@code null} if the batch has no such header
	 * list or it is shorter
	 */
	public static @Nullable Object header(Message<?> batch, String header, int index) {
		return (batch.getHeaders().get(header) instanceof List<?> values && index < values.size()) ? values.get(index)
				: null;
	}

	/**
	 * Reads one record of a batch.
	 *
	 * @param <R> a record
	 * @param <T> what it carries
	 */
	@FunctionalInterface
	public interface RecordReader<R, T> {

		/**
		 * @param record the record
		 * @param index its index in the batch (for its headers: {@link #header})
		 * @return what it carries, {@code null} to skip it
		 */
		@Nullable T read(R record, int index);

	}

}
