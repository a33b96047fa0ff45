package dev.copilotsuite.calculator.model;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.copilotsuite.events.calculator.BucketOutputs;
import dev.copilotsuite.events.calculator.RoiOutputs;

/**
 * Reads an output by its {@link OutputCatalog} key. The accessors are looked up once, from the catalog, so a
 * key without its record component fails when the class loads, not when a user asks for it.
 */
final class OutputValues {

    private static final Map<String, Method> OPERATION = accessors(RoiOutputs.class, OutputCatalog.operation());
    private static final Map<String, Method> BUCKET = accessors(BucketOutputs.class, OutputCatalog.bucket());

    private OutputValues() {
    }

    /** An operation output by a key of {@link OutputCatalog#operation()}; null where the spec makes it null. */
    static Double operation(RoiOutputs out, String key) {
        return read(OPERATION.get(key), out);
    }

    /** A bucket output by a key of {@link OutputCatalog#bucket()}; null where the spec makes it null. */
    static Double bucket(BucketOutputs out, String key) {
        return read(BUCKET.get(key), out);
    }

    private static Double read(Method accessor, Record record) {
        try {
            return (Double) accessor.invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException(accessor.getName(), e);
        }
    }

    private static Map<String, Method> accessors(Class<? extends Record> type, List<OutputDef> defs) {
        Map<String, Method> accessors = new LinkedHashMap<>();
        for (OutputDef def : defs) {
            try {
                accessors.put(def.key(), type.getMethod(def.key()));
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException(type.getSimpleName() + " has no output " + def.key(), e);
            }
        }
        return Map.copyOf(accessors);
    }
}
