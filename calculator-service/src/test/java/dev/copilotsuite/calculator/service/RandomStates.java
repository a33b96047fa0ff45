package dev.copilotsuite.calculator.service;

import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Random;

import dev.copilotsuite.calculator.model.ChangeApplier;
import dev.copilotsuite.calculator.model.Defaults;
import dev.copilotsuite.calculator.model.InputCatalog;
import dev.copilotsuite.calculator.model.RoiModel;
import dev.copilotsuite.events.calculator.BucketSet;
import dev.copilotsuite.events.calculator.CalculatorState;
import dev.copilotsuite.events.calculator.ChangeOp;
import dev.copilotsuite.events.calculator.InputDef;
import dev.copilotsuite.events.calculator.RoiInputs;
import dev.copilotsuite.events.calculator.RoiOutputs;

/**
 * Random calculator states for property tests of the state's encodings: every component of the records filled
 * reflectively (so a component added later is covered too) with numbers of every shape Jackson writes
 * differently (whole, tiny, huge, negative, with exponents, whole but written with an exponent such as
 * 1.2345678E7), nulls where the type allows, and every enum constant; and states a change away from another,
 * as the service makes them.
 */
final class RandomStates {

    private final Random random;

    RandomStates(long seed) {
        this.random = new Random(seed);
    }

    /** Any inputs and outputs, not necessarily a model's result. */
    CalculatorState any() {
        return new CalculatorState("s", random.nextInt(1000), fill(RoiInputs.class), fill(RoiOutputs.class));
    }

    /** This state with a few components of its inputs and outputs changed (sometimes none), at the next version. */
    CalculatorState near(CalculatorState from) {
        RoiInputs inputs = from.inputs();
        RoiOutputs outputs = from.outputs();
        int changes = random.nextInt(6);
        for (int i = 0; i < changes; i++) {
            if (random.nextBoolean()) {
                inputs = mutate(inputs);
            } else {
                outputs = mutate(outputs);
            }
        }
        return new CalculatorState(from.sessionId(), from.version() + 1, inputs, outputs);
    }

    /** A valid change of the model: one input set to a random in-bounds value, outputs recomputed. */
    CalculatorState changed(CalculatorState from) {
        InputDef def = InputCatalog.all().get(random.nextInt(InputCatalog.all().size()));
        ChangeOp op;
        if (def.isStrategy()) {
            op = new ChangeOp(ChangeOp.Kind.STRATEGY, def.path(), def.values().get(random.nextInt(def.values().size())));
        } else {
            double min = def.min() == null ? 0 : def.min();
            double max = def.max() == null ? min + 1e6 : Math.min(def.max(), min + 1e6);
            double value = min + random.nextDouble() * (max - min);
            op = ChangeOp.set(def.path(), def.integer() ? Math.floor(value) : value);
        }
        RoiInputs inputs = ChangeApplier.apply(from.inputs(), java.util.List.of(op)).inputs();
        return new CalculatorState(from.sessionId(), from.version() + 1, inputs, RoiModel.evaluate(inputs));
    }

    static CalculatorState defaults() {
        return new CalculatorState("s", 0, Defaults.inputs(), RoiModel.evaluate(Defaults.inputs()));
    }

    /** The record with one leaf component (possibly inside a nested record) given a new random value. */
    private <T extends Record> T mutate(T record) {
        RecordComponent[] components = record.getClass().getRecordComponents();
        Object[] values = values(record);
        int i = random.nextInt(components.length);
        Object current = values[i];
        if (current instanceof BucketSet<?> buckets) {
            String name = BucketSet.NAMES.get(random.nextInt(4));
            values[i] = with(buckets, name, mutate((Record) buckets.get(name)));
        } else {
            values[i] = value(components[i].getType(), components[i].getGenericType());
        }
        return construct(record.getClass(), values);
    }

    @SuppressWarnings("unchecked")
    private static <T> BucketSet<T> with(BucketSet<?> buckets, String name, Object value) {
        return ((BucketSet<T>) buckets).with(name, (T) value);
    }

    private <T> T fill(Class<T> type) {
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            values[i] = value(components[i].getType(), components[i].getGenericType());
        }
        return construct(type, values);
    }

    private Object value(Class<?> type, Type generic) {
        if (type == double.class) {
            return number();
        } else if (type == Double.class) {
            return random.nextInt(5) == 0 ? null : number();
        } else if (type == int.class || type == Integer.class) {
            return random.nextBoolean() ? random.nextInt(10) : random.nextInt();
        } else if (type == long.class || type == Long.class) {
            return random.nextLong();
        } else if (type.isEnum()) {
            Object[] constants = type.getEnumConstants();
            return constants[random.nextInt(constants.length)];
        } else if (type == BucketSet.class) {
            Class<?> element = (Class<?>) ((ParameterizedType) generic).getActualTypeArguments()[0];
            return new BucketSet<>(fill(element), fill(element), fill(element), fill(element));
        } else if (type.isRecord()) {
            return fill(type);
        }
        throw new IllegalArgumentException("no generator for " + type);
    }

    /** Doubles of every shape: whole, fractional, tiny, huge, negative, zero and -0.0, whole with an exponent. */
    private double number() {
        switch (random.nextInt(9)) {
            case 0:
                return random.nextInt(200);
            case 1:
                return random.nextDouble();
            case 2:
                return random.nextDouble() * Math.pow(10, random.nextInt(40) - 20);
            case 3:
                return -random.nextDouble() * 1e6;
            case 4:
                return 0.0;
            case 5:
                return 1e7 + random.nextInt(100_000_000);
            case 6:
                return Math.scalb(random.nextDouble(), random.nextInt(2000) - 1000);
            case 7:
                return random.nextBoolean() ? -0.0 : Double.MIN_VALUE;
            default:
                return random.nextInt(1000) / 100.0;
        }
    }

    private static Object[] values(Record record) {
        RecordComponent[] components = record.getClass().getRecordComponents();
        Object[] values = new Object[components.length];
        try {
            for (int i = 0; i < components.length; i++) {
                values[i] = components[i].getAccessor().invoke(record);
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        return values;
    }

    @SuppressWarnings("unchecked")
    private static <T> T construct(Class<?> type, Object[] values) {
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
        }
        try {
            Constructor<?> constructor = type.getDeclaredConstructor(types);
            return (T) constructor.newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
