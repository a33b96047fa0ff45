package dev.copilotsuite.tools.mongo.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.h2.mvstore.WriteBuffer;
import org.junit.jupiter.api.Test;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;

/** The map types on their own: encodings that read back, and an order a B-tree can rely on. */
class BsonTypesTest {

    @Test
    void indexKeysWithNullAndMissingRoundTrip() {
        KeyValue key = new KeyValue(Missing.getInstance(), null, "s", 1.5, new ObjectId(), new Document("a", List.of(1, 2)));
        WriteBuffer out = new WriteBuffer();
        KeyValueType.INSTANCE.write(out, key);
        KeyValueType.INSTANCE.write(out, new KeyValue(7L));
        ByteBuffer in = out.getBuffer();
        in.flip();
        assertEquals(key, KeyValueType.INSTANCE.read(in));
        assertEquals(new KeyValue(7L), KeyValueType.INSTANCE.read(in));
        assertEquals(0, in.remaining());
    }

    @Test
    void documentsRoundTripBackToBack() {
        Document a = new Document("_id", new ObjectId()).append("at", Instant.ofEpochMilli(5)).append("list", List.of(List.of(1)));
        Document b = new Document("x", "y");
        WriteBuffer out = new WriteBuffer();
        BsonDocumentType.INSTANCE.write(out, a);
        BsonDocumentType.INSTANCE.write(out, b);
        ByteBuffer in = out.getBuffer();
        in.flip();
        assertEquals(a, BsonDocumentType.INSTANCE.read(in));
        assertEquals(b, BsonDocumentType.INSTANCE.read(in));
    }

    @Test
    void arraysAndDocumentsDifferingPastTheirSmallestElementAreDifferentKeys() {
        // ValueComparator's sort order calls these equal (an array sorts by its smallest element);
        // as keys of one B-tree they must not be.
        assertNotEquals(0, BsonOrder.INSTANCE.compare(List.of(1, 5), List.of(1, 3)));
        assertNotEquals(0, BsonOrder.INSTANCE.compare(new Document("a", List.of(1, 5)), new Document("a", List.of(1, 3))));
        assertTrue(BsonOrder.INSTANCE.compare(List.of(1), List.of(1, 0)) < 0);
        assertEquals(0, BsonOrder.INSTANCE.compare(new Document("a", 1), new Document("a", 1.0)));
        assertTrue(BsonOrder.INSTANCE.compare(new Document("a", 1), new Document("b", 0)) < 0);
        assertTrue(BsonOrder.INSTANCE.compare(new Document("a", 1), new Document("a", "0")) < 0);
    }

    @Test
    void theOrderIsConsistentOverMixedValues() {
        List<Object> values = new ArrayList<>(List.of(Missing.getInstance(), 1, 2L, 1.5, "a", "b", new Document("a", 1),
            List.of(1, 2), List.of(1, 3), new ObjectId(), true, false, Instant.ofEpochMilli(1)));
        values.add(null);
        for (Object a : values) {
            for (Object b : values) {
                int ab = Integer.signum(BsonOrder.INSTANCE.compare(a, b));
                int ba = Integer.signum(BsonOrder.INSTANCE.compare(b, a));
                assertEquals(-ab, ba, a + " vs " + b);
                for (Object c : values) {
                    if (ab <= 0 && BsonOrder.INSTANCE.compare(b, c) <= 0) {
                        assertTrue(BsonOrder.INSTANCE.compare(a, c) <= 0, a + " <= " + b + " <= " + c);
                    }
                }
            }
        }
    }

    @Test
    void stringsAndObjectIdsCompareAsValueComparatorDoes() {
        List<Object> values = List.of("", "a", "B", "ab", "é", "\uD83D\uDE00", "z", new ObjectId("000000000000000000000001"),
            new ObjectId("65a1b2c3d4e5f60718293a4b"), new ObjectId("ffffffffffffffffffffffff"));
        for (Object a : values) {
            for (Object b : values) {
                assertEquals(Integer.signum(ValueComparator.asc().compare(a, b)), Integer.signum(BsonOrder.INSTANCE.compare(a, b)),
                    a + " vs " + b);
            }
        }
    }

    @Test
    void aValueBsonCannotCarryIsRefusedBeforeItIsStored() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
            () -> BsonValues.checkStorable(new Document("nested", new Document("f", 1.5f))));
        assertTrue(refused.getMessage().contains("java.lang.Float"), refused.getMessage());
    }
}
