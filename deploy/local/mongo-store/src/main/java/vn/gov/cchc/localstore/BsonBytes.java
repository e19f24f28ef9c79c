package vn.gov.cchc.localstore;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * A document as the bytes the store keeps: BSON, the encoding it came in on the wire. The
 * bytes never change once written, so the MVStore's background writer can save them while
 * the server works on its own copies of the documents (mongo-java-server changes
 * documents in place, which a stored object would not survive).
 */
final class BsonBytes {

	private BsonBytes() {
	}

	static byte[] of(Document document) {
		ByteBuf encoded = Unpooled.buffer();
		try {
			BsonEncoder.encodeDocument(document, encoded);
			byte[] bytes = new byte[encoded.readableBytes()];
			encoded.readBytes(bytes);
			return bytes;
		}
		finally {
			encoded.release();
		}
	}

	static Document document(byte[] bytes) {
		return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bytes));
	}

}
