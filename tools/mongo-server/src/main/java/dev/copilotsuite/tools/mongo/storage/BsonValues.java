package dev.copilotsuite.tools.mongo.storage;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Collection;
import java.util.ConcurrentModificationException;
import java.util.Map;
import java.util.UUID;

import org.h2.mvstore.WriteBuffer;

import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.BsonJavaScript;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.BsonTimestamp;
import de.bwaldvogel.mongo.bson.Decimal128;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.LegacyUUID;
import de.bwaldvogel.mongo.bson.MaxKey;
import de.bwaldvogel.mongo.bson.MinKey;
import de.bwaldvogel.mongo.bson.ObjectId;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * Stored values as BSON, through mongo-java-server's own codec (the one that answers clients), so the
 * file holds exactly what the wire can carry. A single value is its BSON type byte and its BSON body;
 * {@link Missing} (an absent field in an index key) has a tag of its own that BSON does not use.
 */
final class BsonValues {

    /** Not a BSON element type: marks an index key field that is absent from the document. */
    static final byte TYPE_MISSING = (byte) 0x40;

    /** The scratch buffer is reused per thread; one that grew past this is dropped after use. */
    private static final int KEEP_SCRATCH_BYTES = 1 << 20;
    private static final ThreadLocal<ByteBuf> SCRATCH = ThreadLocal.withInitial(() -> Unpooled.buffer(4096));

    private BsonValues() {
    }

    /**
     * mongo-java-server updates a stored document in place (then puts it again), so the store's
     * background writer can meet a document that a request thread is changing. The encoding goes to a
     * scratch buffer first and is retried: a torn copy is harmless, as the put that follows marks the
     * page for the next write.
     */
    static void writeDocument(WriteBuffer out, Document document) {
        ByteBuf buf = scratch();
        try {
            for (int attempt = 1; ; attempt++) {
                try {
                    BsonEncoder.encodeDocument(document, buf);
                    break;
                } catch (ConcurrentModificationException e) {
                    if (attempt == 5) {
                        throw e;
                    }
                    buf.clear();
                    Thread.onSpinWait();
                }
            }
            out.put(buf.array(), buf.arrayOffset() + buf.readerIndex(), buf.readableBytes());
        } finally {
            release(buf);
        }
    }

    static Document readDocument(ByteBuffer in) {
        int start = in.position();
        int length = Integer.reverseBytes(in.getInt(start)); // BSON lengths are little-endian
        if (length < 5 || length > in.remaining()) {
            throw new IllegalStateException("corrupt stored document: length " + length + " at " + start);
        }
        ByteBuffer slice = in.duplicate();
        slice.limit(start + length);
        Document document = BsonDecoder.decodeBson(Unpooled.wrappedBuffer(slice));
        in.position(start + length);
        return document;
    }

    static void writeValue(WriteBuffer out, Object value) {
        if (value instanceof Missing) {
            out.put(TYPE_MISSING);
            return;
        }
        ByteBuf buf = scratch();
        try {
            byte type = BsonEncoder.determineType(value);
            buf.writeByte(type);
            BsonEncoder.encodeValue(type, value, buf);
            out.put(buf.array(), buf.arrayOffset() + buf.readerIndex(), buf.readableBytes());
        } finally {
            release(buf);
        }
    }

    static Object readValue(ByteBuffer in) {
        byte type = in.get();
        if (type == TYPE_MISSING) {
            return Missing.getInstance();
        }
        ByteBuf buf = Unpooled.wrappedBuffer(in.duplicate());
        Object value = BsonDecoder.decodeValue(type, buf);
        in.position(in.position() + buf.readerIndex());
        return value;
    }

    /**
     * Refuses, before anything is stored, a document holding a value BSON cannot carry, so that the
     * failure is the caller's error and not a failed background write of the store.
     */
    static void checkStorable(Document document) {
        estimate(document, 0);
    }

    /** A rough heap size of a value, walked without encoding it (MVStore sizes its cache and commits by it). */
    static int estimate(Object value) {
        return estimate(value, 0);
    }

    private static int estimate(Object value, int depth) {
        if (depth > 200) {
            throw new IllegalArgumentException("document nested more than 200 levels");
        }
        if (value == null || value instanceof Missing || value instanceof Boolean
            || value instanceof MinKey || value instanceof MaxKey) {
            return 0; // shared instances
        } else if (value instanceof String) {
            return 40 + 2 * ((String) value).length();
        } else if (value instanceof Integer || value instanceof Long || value instanceof Double) {
            return 16;
        } else if (value instanceof Map) {
            int size = 64;
            for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
                Object key = entry.getKey();
                if (!(key instanceof String)) {
                    throw new IllegalArgumentException("document key is not a string: " + key);
                }
                size += 40 + estimate(key, depth + 1) + estimate(entry.getValue(), depth + 1);
            }
            return size;
        } else if (value instanceof Collection) {
            int size = 40;
            for (Object element : (Collection<?>) value) {
                size += 8 + estimate(element, depth + 1);
            }
            return size;
        } else if (value instanceof ObjectId || value instanceof Instant || value instanceof UUID
            || value instanceof LegacyUUID || value instanceof Decimal128 || value instanceof BsonTimestamp) {
            return 40;
        } else if (value instanceof BinData) {
            return 32 + ((BinData) value).getData().length;
        } else if (value instanceof BsonRegularExpression || value instanceof BsonJavaScript) {
            return 96;
        }
        throw new IllegalArgumentException("a value of type " + value.getClass().getName() + " cannot be stored as BSON");
    }

    private static ByteBuf scratch() {
        ByteBuf buf = SCRATCH.get();
        buf.clear();
        return buf;
    }

    private static void release(ByteBuf buf) {
        if (buf.capacity() > KEEP_SCRATCH_BYTES) {
            SCRATCH.remove();
        }
    }
}
