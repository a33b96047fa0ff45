package dev.copilotsuite.tools.mongo.storage;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

import de.bwaldvogel.mongo.backend.KeyValue;

/**
 * A unique index's key: its field values in index order (each a BSON value, null or Missing), compared
 * field by field in MongoDB's value order, stored as a count and the values.
 */
final class KeyValueType extends BasicDataType<KeyValue> {

    static final KeyValueType INSTANCE = new KeyValueType();

    private KeyValueType() {
    }

    @Override
    public int compare(KeyValue a, KeyValue b) {
        int n = Math.min(a.size(), b.size());
        for (int i = 0; i < n; i++) {
            int cmp = BsonOrder.INSTANCE.compare(a.get(i), b.get(i));
            if (cmp != 0) {
                return cmp;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    @Override
    public int getMemory(KeyValue key) {
        int size = 48;
        for (Object value : key) {
            size += 8 + BsonValues.estimate(value);
        }
        return size;
    }

    @Override
    public void write(WriteBuffer buff, KeyValue key) {
        buff.putVarInt(key.size());
        for (Object value : key) {
            BsonValues.writeValue(buff, value);
        }
    }

    @Override
    public KeyValue read(ByteBuffer buff) {
        int size = DataUtils.readVarInt(buff);
        List<Object> values = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            values.add(BsonValues.readValue(buff));
        }
        return new KeyValue(values);
    }

    @Override
    public KeyValue[] createStorage(int size) {
        return new KeyValue[size];
    }
}
