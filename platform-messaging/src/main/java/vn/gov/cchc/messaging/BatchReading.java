package vn.gov.cchc.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
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
	 * Reads the records (a batch's payload, or records made of it) with {@code reader},
	 * given each record and its index, returning {@code null} for one to skip; then
	 * applies what was read, in order. A record whose reading throws a
	 * {@link PoisonEventException} fails the batch at its index, with that exception's
	 * message.
	 */
	public static <R, T> void readThenApply(List<R> records, BiFunction<R, Integer, @Nullable T> reader,
			Consumer<List<T>> apply) {
		readThenApply(records, PoisonEventException.class, "", reader, apply);
	}

	/**
	 * Like {@link #readThenApply(List, BiFunction, Consumer)}, for a consumer that stops
	 * the batch at a record for more than poison (to have the container retry that record
	 * before it dead-letters it): {@code unreadable} is what stops it, and the failure's
	 * message is {@code message} then the exception's. Any other exception goes up as it
	 * is, with nothing applied.
	 */
	public static <R, T> void readThenApply(List<R> records, Class<? extends RuntimeException> unreadable,
			String message, BiFunction<R, Integer, @Nullable T> reader, Consumer<List<T>> apply) {
		List<T> read = new ArrayList<>(records.size());
		for (int i = 0; i < records.size(); i++) {
			T item;
			try {
				item = reader.apply(records.get(i), i);
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
	 * One record's value of a batch header ({@code KafkaHeaders.OFFSET}, ...);
	 * {@code null} if the batch has no such list or it is shorter.
	 */
	public static @Nullable Object header(Message<?> batch, String header, int index) {
		return (batch.getHeaders().get(header) instanceof List<?> values && index < values.size()) ? values.get(index)
				: null;
	}

}
