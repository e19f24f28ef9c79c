package vn.gov.cchc.localstore;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

/**
 * The key of an index: compared value by value in MongoDB's order of BSON values and
 * stored as BSON values. The H2 backend otherwise treats {@link KeyValue} as an unknown
 * object, which it compares by Java-serializing both sides, on every step of every index
 * lookup.
 */
final class KeyValueType extends BasicDataType<KeyValue> {

	static final KeyValueType INSTANCE = new KeyValueType();

	/** Marks a missing value, which BSON has no type for (0 ends a document in BSON). */
	private static final byte MISSING = 0;

	private static final Comparator<Object> VALUES = ValueComparator.ascWithoutListHandling();

	private KeyValueType() {
	}

	@Override
	public int compare(KeyValue left, KeyValue right) {
		int common = Math.min(left.size(), right.size());
		for (int i = 0; i < common; i++) {
			int order = compareValues(left.get(i), right.get(i));
			if (order != 0) {
				return order;
			}
		}
		return Integer.compare(left.size(), right.size());
	}

	private static int compareValues(Object left, Object right) {
		boolean leftMissing = left instanceof Missing;
		boolean rightMissing = right instanceof Missing;
		if (leftMissing || rightMissing) {
			return Boolean.compare(!leftMissing, !rightMissing);
		}
		return VALUES.compare(left, right);
	}

	@Override
	public int getMemory(KeyValue key) {
		int size = 32;
		for (Object value : key) {
			size += 8 + MemoryEstimate.of(value);
		}
		return size;
	}

	@Override
	public void write(WriteBuffer buffer, KeyValue key) {
		ByteBuf encoded = Unpooled.buffer();
		try {
			for (Object value : key) {
				if (value instanceof Missing) {
					encoded.writeByte(MISSING);
					continue;
				}
				byte type = BsonEncoder.determineType(value);
				encoded.writeByte(type);
				BsonEncoder.encodeValue(type, value, encoded);
			}
			byte[] bytes = new byte[encoded.readableBytes()];
			encoded.readBytes(bytes);
			buffer.putVarInt(key.size()).putVarInt(bytes.length).put(bytes);
		}
		finally {
			encoded.release();
		}
	}

	@Override
	public KeyValue read(ByteBuffer buffer) {
		int size = DataUtils.readVarInt(buffer);
		int length = DataUtils.readVarInt(buffer);
		ByteBuf encoded = Unpooled.wrappedBuffer(buffer.slice().limit(length));
		buffer.position(buffer.position() + length);
		List<Object> values = new ArrayList<>(size);
		for (int i = 0; i < size; i++) {
			byte type = encoded.readByte();
			values.add((type == MISSING) ? Missing.getInstance() : BsonDecoder.decodeValue(type, encoded));
		}
		return new KeyValue(values);
	}

	@Override
	public KeyValue[] createStorage(int size) {
		return new KeyValue[size];
	}

}
