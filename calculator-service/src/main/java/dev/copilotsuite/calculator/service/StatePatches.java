package dev.copilotsuite.calculator.service;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;

import dev.copilotsuite.events.calculator.CalculatorState;
import dev.copilotsuite.events.calculator.JsonPatchOp;

/**
 * The RFC 6902 patch between two versions of a session's {@code {version, inputs, outputs}} document,
 * computed by JSON-P's {@code createDiff}, so a client holding one version can move to the next with a
 * small delta instead of a whole state.
 * <p>
 * The two documents are built straight from the states' record components with the provider's builders, and
 * the patch read straight from JSON-P's values: no JSON text in between (writing each state with Jackson and
 * parsing it back, twice per change, was a third of the service's CPU under load). The result is what the
 * text round trip gave, value for value: numbers are JSON-P numbers of {@code BigDecimal.valueOf(double)}, the
 * decimal Jackson writes (made only for the values that differ, see {@link DoubleNumber}), and are read back with Jackson's rule for untyped values (a number written without a
 * point or an exponent is an {@code Integer} or {@code Long}, any other a {@code Double}).
 * StatePatchesTest holds it to the text round trip on random states.
 */
@ApplicationScoped
public class StatePatches {

    /**
     * Looked up once: {@code Json.createDiff} and friends look the provider up through ServiceLoader on every
     * call, which scanned the class path's jars for each published state.
     */
    private static final JsonProvider JSON = JsonProvider.provider();

    /** Each record class's component accessors, in declaration order (the order Jackson writes them in). */
    private static final ClassValue<Method[]> ACCESSORS = new ClassValue<>() {
        @Override
        protected Method[] computeValue(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            Method[] accessors = new Method[components.length];
            for (int i = 0; i < components.length; i++) {
                accessors[i] = components[i].getAccessor();
            }
            return accessors;
        }
    };

    public List<JsonPatchOp> between(CalculatorState from, CalculatorState to) {
        return batch().between(from, to);
    }

    /** Patches for one batch of versions, each state's document built once. */
    public Batch batch() {
        return new Batch();
    }

    /**
     * Computes a batch's patches in order. A session's versions follow each other, so the new state of one
     * patch is the old state of the next: its document is kept until then (by identity) instead of built
     * twice.
     */
    public static final class Batch {

        private final Map<CalculatorState, JsonObject> documents = new IdentityHashMap<>();

        public List<JsonPatchOp> between(CalculatorState from, CalculatorState to) {
            JsonObject before = documents.remove(from);
            if (before == null) {
                before = document(from);
            }
            JsonObject after = document(to);
            documents.put(to, after);
            return ops(JSON.createDiff(before, after).toJsonArray());
        }
    }

    /** The shape clients hold: the version with the state's inputs and outputs. */
    static JsonObject document(CalculatorState state) {
        return JSON.createObjectBuilder()
                .add("version", JSON.createValue(state.version()))
                .add("inputs", value(state.inputs()))
                .add("outputs", value(state.outputs()))
                .build();
    }

    /** A component's value as JSON, as Jackson writes it: records as objects, enums by name, nulls as null. */
    private static JsonValue value(Object value) {
        if (value == null) {
            return JsonValue.NULL;
        } else if (value instanceof Double number) {
            // Jackson writes NaN and the infinities as strings (WRITE_NAN_AS_STRINGS), which JSON-P read as strings.
            return Double.isFinite(number) ? new DoubleNumber(number) : JSON.createValue(number.toString());
        } else if (value instanceof Integer number) {
            return JSON.createValue(number.intValue());
        } else if (value instanceof Long number) {
            return JSON.createValue(number.longValue());
        } else if (value instanceof String text) {
            return JSON.createValue(text);
        } else if (value instanceof Enum<?> constant) {
            return JSON.createValue(constant.name());
        } else if (value instanceof Boolean flag) {
            return flag ? JsonValue.TRUE : JsonValue.FALSE;
        } else if (value instanceof Record record) {
            JsonObjectBuilder object = JSON.createObjectBuilder();
            for (Method accessor : ACCESSORS.get(record.getClass())) {
                object.add(accessor.getName(), value(read(accessor, record)));
            }
            return object.build();
        }
        throw new IllegalStateException("a calculator state holds a " + value.getClass().getName());
    }

    /**
     * A double as a JSON-P number, equal to the provider's {@code createValue(double)} (its decimal is
     * {@code BigDecimal.valueOf}, the decimal Jackson writes), but made only when asked for: the diff compares
     * two of these by their doubles, and two doubles have the same decimal exactly when they are {@code ==}
     * (0.0 and -0.0 both are 0.0). Writing every double of both states as a decimal cost as much as the diff.
     */
    private static final class DoubleNumber implements JsonNumber {

        private final double value;
        private BigDecimal decimal;

        DoubleNumber(double value) {
            this.value = value;
        }

        @Override
        public BigDecimal bigDecimalValue() {
            if (decimal == null) {
                decimal = BigDecimal.valueOf(value);
            }
            return decimal;
        }

        @Override
        public boolean isIntegral() {
            return bigDecimalValue().scale() == 0;
        }

        @Override
        public int intValue() {
            return bigDecimalValue().intValue();
        }

        @Override
        public int intValueExact() {
            return bigDecimalValue().intValueExact();
        }

        @Override
        public long longValue() {
            return bigDecimalValue().longValue();
        }

        @Override
        public long longValueExact() {
            return bigDecimalValue().longValueExact();
        }

        @Override
        public BigInteger bigIntegerValue() {
            return bigDecimalValue().toBigInteger();
        }

        @Override
        public BigInteger bigIntegerValueExact() {
            return bigDecimalValue().toBigIntegerExact();
        }

        @Override
        public double doubleValue() {
            return value;
        }

        @Override
        public ValueType getValueType() {
            return ValueType.NUMBER;
        }

        @Override
        public boolean equals(Object other) {
            if (other instanceof DoubleNumber number) {
                return value == number.value;
            }
            return other instanceof JsonNumber number && bigDecimalValue().equals(number.bigDecimalValue());
        }

        @Override
        public int hashCode() {
            return bigDecimalValue().hashCode();
        }

        @Override
        public String toString() {
            return bigDecimalValue().toString();
        }
    }

    private static Object read(Method accessor, Record record) {
        try {
            return accessor.invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + accessor, e);
        }
    }

    private static List<JsonPatchOp> ops(JsonArray patch) {
        List<JsonPatchOp> ops = new ArrayList<>(patch.size());
        for (JsonValue each : patch) {
            JsonObject op = each.asJsonObject();
            ops.add(new JsonPatchOp(op.getString("op"), op.getString("path"),
                    op.containsKey("value") ? java(op.get("value")) : null, op.getString("from", null)));
        }
        return ops;
    }

    /** A JSON-P value as Jackson reads an untyped value. */
    private static Object java(JsonValue value) {
        switch (value.getValueType()) {
            case NULL:
                return null;
            case TRUE:
                return Boolean.TRUE;
            case FALSE:
                return Boolean.FALSE;
            case STRING:
                return ((JsonString) value).getString();
            case NUMBER:
                return number((JsonNumber) value);
            case ARRAY:
                List<Object> list = new ArrayList<>();
                value.asJsonArray().forEach(item -> list.add(java(item)));
                return list;
            default:
                Map<String, Object> map = new LinkedHashMap<>();
                value.asJsonObject().forEach((key, item) -> map.put(key, java(item)));
                return map;
        }
    }

    /** Jackson's rule: written without a point or an exponent, the smallest of int, long, BigInteger; else a double. */
    private static Object number(JsonNumber number) {
        if (number instanceof DoubleNumber known && Math.abs(known.value) < 1e7) {
            // Below 1e7 a double's decimal is written with a point (123.0, 4.5E-4), so Jackson reads the same
            // double back (0.0 for -0.0, whose decimal is 0.0); only whole numbers from 1e7 up may lose the point.
            return known.value + 0.0;
        }
        String text = number.toString();
        if (text.indexOf('.') >= 0 || text.indexOf('e') >= 0 || text.indexOf('E') >= 0) {
            return Double.parseDouble(text);
        }
        BigInteger integer = new BigInteger(text);
        if (integer.bitLength() < Integer.SIZE) {
            return integer.intValue();
        }
        return integer.bitLength() < Long.SIZE ? (Object) integer.longValue() : integer;
    }
}
