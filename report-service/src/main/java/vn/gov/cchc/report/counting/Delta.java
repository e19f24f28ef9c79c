package vn.gov.cchc.report.counting;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import vn.gov.cchc.report.figures.Tally;

/**
 * What one fact adds to (or, negative, takes from) one unit's figures for a plan,
 * activity and day: the record that crosses the roll-up repartition, keyed by the unit
 * whose figures change. Written in a small binary form, since every fact makes one per
 * level of its roll-up.
 *
 * @param planId the plan
 * @param activityId the plan's activity
 * @param date the day the work was done
 * @param tally the signed change
 */
record Delta(String planId, String activityId, LocalDate date, Tally tally) implements FactOutcome {

	static final Serde<Delta> SERDE = Serdes.serdeFrom(new DeltaSerializer(), new DeltaDeserializer());

	private static final class DeltaSerializer implements Serializer<Delta> {

		@Override
		public byte[] serialize(String topic, Delta delta) {
			if (delta == null) {
				return null;
			}
			ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
			try (DataOutputStream out = new DataOutputStream(bytes)) {
				out.writeUTF(delta.planId());
				out.writeUTF(delta.activityId());
				out.writeInt((int) delta.date().toEpochDay());
				TallyCodec.write(out, delta.tally());
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			return bytes.toByteArray();
		}

	}

	private static final class DeltaDeserializer implements Deserializer<Delta> {

		@Override
		public Delta deserialize(String topic, byte[] data) {
			if (data == null) {
				return null;
			}
			try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
				return new Delta(in.readUTF(), in.readUTF(), LocalDate.ofEpochDay(in.readInt()), TallyCodec.read(in));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

	}

	/**
	 * The binary form of a {@link Tally}, shared by the deltas and the figures stores.
	 */
	static final class TallyCodec {

		static final Serde<Tally> SERDE = Serdes.serdeFrom((topic, tally) -> (tally != null) ? bytes(tally) : null,
				(topic, data) -> (data != null) ? tally(data) : null);

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

		private static byte[] bytes(Tally tally) {
			ByteArrayOutputStream bytes = new ByteArrayOutputStream(48);
			try (DataOutputStream out = new DataOutputStream(bytes)) {
				write(out, tally);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			return bytes.toByteArray();
		}

		private static Tally tally(byte[] data) {
			try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
				return read(in);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

	}

}
