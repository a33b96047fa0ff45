package dev.copilotsuite.calculator.model;

import dev.copilotsuite.events.calculator.InputDef;

import dev.copilotsuite.events.calculator.FieldChange;

import static dev.copilotsuite.calculator.model.ChangeRejectedException.INVALID_VALUE;
import static dev.copilotsuite.calculator.model.ChangeRejectedException.OUT_OF_BOUNDS;
import static dev.copilotsuite.calculator.model.ChangeRejectedException.UNKNOWN_INPUT;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import dev.copilotsuite.events.calculator.BucketSet;
import dev.copilotsuite.events.calculator.ChangeOp;
import dev.copilotsuite.events.calculator.RoiInputs;

/** Applies a change batch to calculator inputs, all or nothing. */
public final class ChangeApplier {

    /** Relative distance under which a result is floating-point noise around a bound or a whole number. */
    private static final double TOLERANCE = 1e-12;

    /** The inputs after the batch, and the inputs it changed in the order it first touched them. */
    public record Applied(RoiInputs inputs, List<FieldChange> changes) {
    }

    private ChangeApplier() {
    }

    /**
     * Applies the ops in order, each on the result of the ones before.
     *
     * @throws ChangeRejectedException on the first invalid op; then nothing applies
     */
    public static Applied apply(RoiInputs current, List<ChangeOp> ops) {
        RoiInputs state = current;
        Map<InputDef, Object> before = new LinkedHashMap<>();
        for (ChangeOp op : ops) {
            InputDef def = resolve(op.path());
            Object value = nextValue(state, def, op);
            before.putIfAbsent(def, InputCatalog.valueOf(state, def));
            state = InputCatalog.with(state, def, value);
        }
        List<FieldChange> changes = new ArrayList<>();
        for (Map.Entry<InputDef, Object> touched : before.entrySet()) {
            Object after = InputCatalog.valueOf(state, touched.getKey());
            if (!Objects.equals(touched.getValue(), after)) {
                changes.add(new FieldChange(touched.getKey().path(), touched.getValue(), after));
            }
        }
        return new Applied(state, List.copyOf(changes));
    }

    private static InputDef resolve(String path) {
        if (path == null || path.isBlank()) {
            throw new ChangeRejectedException(UNKNOWN_INPUT, "A change needs the path of an input.", path, null, null,
                    null);
        }
        return InputCatalog.byPath(path).orElseThrow(() -> unknown(path));
    }

    private static ChangeRejectedException unknown(String path) {
        String[] parts = path.split("\\.", -1);
        String message;
        if (path.startsWith(InputCatalog.BUCKETS_PREFIX) && parts.length == 3
                && !BucketSet.NAMES.contains(parts[1])) {
            message = "There is no bucket '" + parts[1] + "' (" + path + "); the buckets are "
                    + String.join(", ", BucketSet.NAMES) + ".";
        } else if (path.startsWith(InputCatalog.BUCKETS_PREFIX) && parts.length == 3) {
            message = "Buckets have no input '" + parts[2] + "' (" + path + "); their inputs are "
                    + String.join(", ", InputCatalog.bucketKeys()) + ".";
        } else {
            message = "There is no input '" + path + "'; the inputs are "
                    + String.join(", ", InputCatalog.operationKeys()) + " and buckets.<bucket1-4>.<"
                    + String.join("|", InputCatalog.bucketKeys()) + ">.";
        }
        return new ChangeRejectedException(UNKNOWN_INPUT, message, path, null, null, null);
    }

    /** The value the op gives the input: a Double, or a Strategy name for a strategy. */
    private static Object nextValue(RoiInputs state, InputDef def, ChangeOp op) {
        String name = def.displayName() + " (" + def.path() + ")";
        if (op.op() == null) {
            throw invalid(def, op.value(), "A change of " + name + " needs an op: set, scale, add or strategy.");
        }
        if (op.op() == ChangeOp.Kind.STRATEGY) {
            if (!def.isStrategy()) {
                throw invalid(def, op.value(), name + " is a number: change it with set, scale or add, not strategy.");
            }
            if (!(op.value() instanceof String s) || !def.values().contains(s)) {
                throw invalid(def, op.value(), "'" + op.value() + "' is not a strategy for " + name
                        + "; the strategies are " + String.join(", ", def.values()) + ".");
            }
            return op.value();
        }
        String verb = op.op().name().toLowerCase(Locale.ROOT);
        if (def.isStrategy()) {
            throw invalid(def, op.value(), name + " takes the strategy op with one of "
                    + String.join(", ", def.values()) + ", not " + verb + ".");
        }
        Double operand = op.number();
        if (operand == null || !Double.isFinite(operand)) {
            throw invalid(def, op.value(), verb + " on " + name + " needs a finite number, not '" + op.value() + "'.");
        }
        double current = ((Number) InputCatalog.valueOf(state, def)).doubleValue();
        double result = op.op() == ChangeOp.Kind.SET ? operand
                : op.op() == ChangeOp.Kind.SCALE ? current * operand
                : current + operand;
        result = snapIntoBounds(result, def.min(), def.max());
        if (result < def.min() || result > def.max()) {
            throw new ChangeRejectedException(OUT_OF_BOUNDS, name + " would be " + plain(result)
                    + ", outside its bounds " + plain(def.min()) + " – " + plain(def.max()) + ".",
                    def.path(), result, def.min(), def.max());
        }
        if (def.integer()) {
            double whole = Math.rint(result);
            if (Math.abs(result - whole) > TOLERANCE * Math.max(1, Math.abs(result))) {
                throw invalid(def, result, name + " must be a whole number; it would be " + plain(result) + ".");
            }
            result = whole;
        }
        // Adding 0.0 turns -0.0 into 0.0.
        return result + 0.0;
    }

    /** A result just outside a bound by floating-point noise (0.1 + 0.2 + 0.7) is taken as the bound. */
    private static double snapIntoBounds(double value, double min, double max) {
        if (value < min && min - value <= TOLERANCE * Math.max(1, Math.abs(min))) {
            return min;
        }
        if (value > max && value - max <= TOLERANCE * Math.max(1, Math.abs(max))) {
            return max;
        }
        return value;
    }

    private static ChangeRejectedException invalid(InputDef def, Object value, String message) {
        return new ChangeRejectedException(INVALID_VALUE, message, def.path(), value, def.min(), def.max());
    }

    /** A number as people write it: -5, 0.2, 1000000000. */
    private static String plain(double value) {
        if (!Double.isFinite(value)) {
            return String.valueOf(value);
        }
        return new BigDecimal(value).round(new MathContext(12)).stripTrailingZeros().toPlainString();
    }
}
