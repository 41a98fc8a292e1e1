package org.backtrack.devstack;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

import java.nio.ByteBuffer;

/**
 * How the embedded server stores a document in the H2 file: as BSON, the format MongoDB itself stores, encoded and
 * decoded by the wire server's own codec. H2's default for values of a type it does not know is Java serialization:
 * every page a write touches is written again whole at the next commit, each document of it through a fresh
 * {@code ObjectOutputStream} with the class descriptors of every nested map, and the ingestion bench measured 59% of
 * the server's CPU in that serialization (docs/benchmarks.md). Documents stored by earlier versions, in H2's format,
 * are still read; each is written as BSON the next time its page is saved.
 */
final class BsonDocuments extends BasicDataType<Document> {

    /** Leads a BSON value; H2's own format starts with a type tag below 120, so the two are told apart by the first byte. */
    private static final byte BSON = 127;

    /** A document's share of the page cache before its size is known: about what a session document takes. */
    private static final int FIRST_ESTIMATE = 512;

    static final BsonDocuments INSTANCE = new BsonDocuments();

    private final ObjectDataType h2Format = new ObjectDataType();

    /** The running average of encoded sizes: H2 asks for an estimate on every write, and encoding twice would cost it. */
    private volatile int averageSize = FIRST_ESTIMATE;

    private BsonDocuments() {
    }

    @Override
    public int getMemory(Document document) {
        return averageSize * 2; // decoded maps take about twice their encoded size
    }

    @Override
    public void write(WriteBuffer buffer, Document document) {
        ByteBuf encoded = Unpooled.buffer(averageSize + 64);
        try {
            BsonEncoder.encodeDocument(document, encoded);
            int size = encoded.readableBytes();
            buffer.put(BSON).put(encoded.array(), encoded.arrayOffset() + encoded.readerIndex(), size);
            averageSize = (size + 15 * averageSize) / 16;
        } finally {
            encoded.release();
        }
    }

    @Override
    public Document read(ByteBuffer buffer) {
        if (buffer.get(buffer.position()) != BSON) {
            return (Document) h2Format.read(buffer);
        }
        buffer.get();
        ByteBuf bson = Unpooled.wrappedBuffer(buffer.slice());
        Document document = BsonDecoder.decodeBson(bson);
        buffer.position(buffer.position() + bson.readerIndex());
        return document;
    }

    @Override
    public Document[] createStorage(int size) {
        return new Document[size];
    }
}
