package dev.copilotsuite.tools.mongo.storage;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.Map;
import java.util.UUID;

import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.BsonTimestamp;
import de.bwaldvogel.mongo.bson.LegacyUUID;
import de.bwaldvogel.mongo.bson.MaxKey;
import de.bwaldvogel.mongo.bson.MinKey;
import de.bwaldvogel.mongo.bson.ObjectId;

/**
 * The order of stored keys: MongoDB's BSON comparison order (MinKey, null, numbers, strings, documents,
 * arrays, binary, ObjectId, booleans, dates, timestamps, regular expressions, MaxKey), with scalars
 * compared by mongo-java-server's {@link ValueComparator}. Arrays and documents are compared element by
 * element here rather than by ValueComparator, whose sort semantics compare an array by its smallest
 * element: a B-tree needs a total order in which two different arrays are never "equal".
 */
final class BsonOrder implements Comparator<Object> {

    static final BsonOrder INSTANCE = new BsonOrder();

    private static final Comparator<Object> SCALARS = ValueComparator.ascWithoutListHandling();

    private BsonOrder() {
    }

    @Override
    public int compare(Object a, Object b) {
        if (a == b) {
            return 0;
        }
        // The common keys (string and ObjectId _ids) directly: what ValueComparator does for them, after
        // its type checks, which were most of an index lookup's CPU.
        if (a instanceof String && b instanceof String) {
            return ((String) a).compareTo((String) b);
        }
        if (a instanceof ObjectId && b instanceof ObjectId) {
            return ((ObjectId) a).compareTo((ObjectId) b);
        }
        boolean aComposite = a instanceof Map || a instanceof Collection;
        boolean bComposite = b instanceof Map || b instanceof Collection;
        if (!aComposite && !bComposite) {
            return SCALARS.compare(a, b);
        }
        int byType = Integer.compare(rank(a), rank(b));
        if (byType != 0) {
            return byType;
        }
        if (a instanceof Map) {
            return compareDocuments((Map<?, ?>) a, (Map<?, ?>) b);
        }
        return compareArrays((Collection<?>) a, (Collection<?>) b);
    }

    private int compareArrays(Collection<?> a, Collection<?> b) {
        Iterator<?> i = a.iterator();
        Iterator<?> j = b.iterator();
        while (i.hasNext() && j.hasNext()) {
            int cmp = compare(i.next(), j.next());
            if (cmp != 0) {
                return cmp;
            }
        }
        return Boolean.compare(i.hasNext(), j.hasNext());
    }

    /** Field by field, as MongoDB does: the value's type, then the field name, then the value. */
    private int compareDocuments(Map<?, ?> a, Map<?, ?> b) {
        Iterator<? extends Map.Entry<?, ?>> i = a.entrySet().iterator();
        Iterator<? extends Map.Entry<?, ?>> j = b.entrySet().iterator();
        while (i.hasNext() && j.hasNext()) {
            Map.Entry<?, ?> x = i.next();
            Map.Entry<?, ?> y = j.next();
            int cmp = Integer.compare(rank(x.getValue()), rank(y.getValue()));
            if (cmp == 0) {
                cmp = x.getKey().toString().compareTo(y.getKey().toString());
            }
            if (cmp == 0) {
                cmp = compare(x.getValue(), y.getValue());
            }
            if (cmp != 0) {
                return cmp;
            }
        }
        return Boolean.compare(i.hasNext(), j.hasNext());
    }

    /** The BSON comparison order of a value's type, as in ValueComparator's sort priority. */
    static int rank(Object value) {
        if (value instanceof MinKey) {
            return 0;
        } else if (value == null || value instanceof Missing) {
            return 1;
        } else if (value instanceof Number) {
            return 2;
        } else if (value instanceof String) {
            return 3;
        } else if (value instanceof Map) {
            return 4;
        } else if (value instanceof Collection) {
            return 5;
        } else if (value instanceof BinData) {
            return 6;
        } else if (value instanceof LegacyUUID) {
            return 7;
        } else if (value instanceof UUID) {
            return 8;
        } else if (value instanceof ObjectId) {
            return 9;
        } else if (value instanceof Boolean) {
            return 10;
        } else if (value instanceof Instant) {
            return 11;
        } else if (value instanceof BsonTimestamp) {
            return 12;
        } else if (value instanceof BsonRegularExpression) {
            return 13;
        } else if (value instanceof MaxKey) {
            return 14;
        }
        throw new IllegalArgumentException("a value of type " + value.getClass().getName() + " has no BSON order");
    }
}
