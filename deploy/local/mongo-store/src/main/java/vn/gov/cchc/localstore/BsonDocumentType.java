package vn.gov.cchc.localstore;

import java.nio.ByteBuffer;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

/**
 * Stores a collection's documents as BSON, the encoding they came in on the wire, rather
 * than by Java serialization, which the H2 backend falls back to for a type it does not
 * know and which took most of the store's time (JFR, docs/benchmarks.md).
 */
final class BsonDocumentType extends BasicDataType<Document> {

	static final BsonDocumentType INSTANCE = new BsonDocumentType();

	private BsonDocumentType() {
	}

	@Override
	public int getMemory(Document document) {
		return MemoryEstimate.of(document);
	}

	@Override
	public void write(WriteBuffer buffer, Document document) {
		ByteBuf encoded = Unpooled.buffer();
		try {
			BsonEncoder.encodeDocument(document, encoded);
			byte[] bytes = new byte[encoded.readableBytes()];
			encoded.readBytes(bytes);
			buffer.putVarInt(bytes.length).put(bytes);
		}
		finally {
			encoded.release();
		}
	}

	@Override
	public Document read(ByteBuffer buffer) {
		int length = DataUtils.readVarInt(buffer);
		ByteBuf encoded = Unpooled.wrappedBuffer(buffer.slice().limit(length));
		buffer.position(buffer.position() + length);
		return BsonDecoder.decodeBson(encoded);
	}

	@Override
	public Document[] createStorage(int size) {
		return new Document[size];
	}

}
