package dev.copilotsuite.tools.mongo.storage;

import java.nio.ByteBuffer;

import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

/** A single BSON value (a document's _id, an index entry's position), ordered as MongoDB orders values. */
final class BsonValueType extends BasicDataType<Object> {

    static final BsonValueType INSTANCE = new BsonValueType();

    private BsonValueType() {
    }

    @Override
    public int compare(Object a, Object b) {
        return BsonOrder.INSTANCE.compare(a, b);
    }

    @Override
    public int getMemory(Object value) {
        return BsonValues.estimate(value);
    }

    @Override
    public void write(WriteBuffer buff, Object value) {
        BsonValues.writeValue(buff, value);
    }

    @Override
    public Object read(ByteBuffer buff) {
        return BsonValues.readValue(buff);
    }

    @Override
    public Object[] createStorage(int size) {
        return new Object[size];
    }
}
