package io.debtwatch.infra.mongo;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;
import org.jboss.logging.Logger;

/**
 * The value type of the on-disk document maps: each document stored as BSON, the wire's own encoding,
 * instead of H2's default, which Java-serialises every document of a page (class descriptors and all)
 * each time the page is written, and deserialises them on every read: about half of the wire server's
 * CPU in the backfill benchmark. A document BSON cannot hold (a value of a type the encoder does not
 * know) is still stored, Java-serialised as before, behind its own tag.
 */
final class BsonDocumentDataType extends BasicDataType<Document> {

    private static final Logger LOG = Logger.getLogger(BsonDocumentDataType.class);

    private static final byte BSON = 0;
    private static final byte JAVA_SERIALISED = 1;
    /** Roughly how much larger a document is in memory than in BSON, for the page cache's accounting. */
    private static final int MEMORY_PER_BSON_BYTE = 3;

    private final ObjectDataType javaSerialised = new ObjectDataType();
    /** A running average of the BSON size of the documents written, for memory estimates. */
    private volatile int averageBytes = 512;

    @Override
    public int getMemory(Document document) {
        return averageBytes * MEMORY_PER_BSON_BYTE;
    }

    @Override
    public void write(WriteBuffer buffer, Document document) {
        ByteBuf bson = Unpooled.buffer(averageBytes * 2);
        try {
            BsonEncoder.encodeDocument(document, bson);
        } catch (RuntimeException e) {
            LOG.warnf("a document of %d fields is stored Java-serialised, BSON cannot hold it: %s", document.size(),
                    e.getMessage());
            buffer.put(JAVA_SERIALISED);
            javaSerialised.write(buffer, document);
            return;
        }
        int length = bson.readableBytes();
        buffer.put(BSON).put(bson.array(), bson.arrayOffset() + bson.readerIndex(), length);
        averageBytes = (averageBytes * 15 + length) / 16;
    }

    @Override
    public Document read(ByteBuffer buffer) {
        if (buffer.get() == JAVA_SERIALISED) {
            return (Document) javaSerialised.read(buffer);
        }
        int start = buffer.position();
        int length = Integer.reverseBytes(buffer.getInt(start));
        Document document = BsonDecoder.decodeBson(Unpooled.wrappedBuffer(buffer.slice(start, length)));
        buffer.position(start + length);
        return document;
    }

    @Override
    public Document[] createStorage(int size) {
        return new Document[size];
    }
}
