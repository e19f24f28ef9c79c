package vn.gov.cchc.report.counting;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import vn.gov.cchc.report.figures.Tally;

/**
 * What one fact adds to (or, negative, takes from) the figures of every unit of its
 * roll-up for a plan, activity and day: the record that crosses the roll-up repartition,
 * keyed by the top of the roll-up (the {@link #units() last unit}), so that a fact
 * crosses it once rather than once per level. Written in a small binary form.
 *
 * @param units the units whose figures change, the fact's unit first and the top last
 * @param planId the plan
 * @param activityId the plan's activity
 * @param date the day the work was done
 * @param tally the signed change
 */
record Delta(List<String> units, String planId, String activityId, LocalDate date, Tally tally) implements FactOutcome {

	Delta {
		units = List.copyOf(units);
		if (units.isEmpty()) {
			throw new IllegalArgumentException("A delta changes at least one unit");
		}
	}

	/** The top of the roll-up, the key the delta crosses the repartition with. */
	String topUnit() {
		return this.units.get(this.units.size() - 1);
	}

	/** Units, plan, activity, day and tally, in that order. */
	static final Serde<Delta> SERDE = serde((out, delta) -> {
		out.writeShort(delta.units().size());
		for (String unit : delta.units()) {
			out.writeUTF(unit);
		}
		out.writeUTF(delta.planId());
		out.writeUTF(delta.activityId());
		out.writeInt((int) delta.date().toEpochDay());
		TallyCodec.write(out, delta.tally());
	}, (in) -> {
		int count = in.readShort();
		List<String> units = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			units.add(in.readUTF());
		}
		return new Delta(units, in.readUTF(), in.readUTF(), LocalDate.ofEpochDay(in.readInt()), TallyCodec.read(in));
	});

	/**
	 * A serde over a value's data-stream form, {@code null} staying {@code null}.
	 */
	private static <T> Serde<T> serde(Writer<T> writer, Reader<T> reader) {
		return Serdes.serdeFrom((topic, value) -> {
			if (value == null) {
				return null;
			}
			ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
			try (DataOutputStream out = new DataOutputStream(bytes)) {
				writer.write(out, value);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			return bytes.toByteArray();
		}, (topic, data) -> {
			if (data == null) {
				return null;
			}
			try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
				return reader.read(in);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
	}

	private interface Writer<T> {

		void write(DataOutputStream out, T value) throws IOException;

	}

	private interface Reader<T> {

		T read(DataInputStream in) throws IOException;

	}

	/**
	 * The binary form of a {@link Tally}, shared by the deltas and the figures stores.
	 */
	static final class TallyCodec {

		static final Serde<Tally> SERDE = serde(TallyCodec::write, TallyCodec::read);

		private TallyCodec() {
		}

		static void write(DataOutputStream out, Tally tally) throws IOException {
			out.writeLong(tally.events());
			out.writeLong(tally.budgetSpentVnd());
			out.writeShort(tally.quantities().size());
			for (Map.Entry<String, Long> quantity : tally.quantities().entrySet()) {
				out.writeUTF(quantity.getKey());
				out.writeLong(quantity.getValue());
			}
		}

		static Tally read(DataInputStream in) throws IOException {
			long events = in.readLong();
			long budget = in.readLong();
			int metrics = in.readShort();
			Map<String, Long> quantities = new TreeMap<>();
			for (int i = 0; i < metrics; i++) {
				quantities.put(in.readUTF(), in.readLong());
			}
			return new Tally(events, budget, quantities);
		}

	}

}
