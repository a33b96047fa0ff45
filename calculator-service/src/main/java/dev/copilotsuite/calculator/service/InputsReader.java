package dev.copilotsuite.calculator.service;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import dev.copilotsuite.calculator.model.ChangeApplier;
import dev.copilotsuite.calculator.model.ChangeRejectedException;
import dev.copilotsuite.calculator.model.Defaults;
import dev.copilotsuite.calculator.model.InputCatalog;
import dev.copilotsuite.events.calculator.ChangeOp;
import dev.copilotsuite.events.calculator.InputDef;
import dev.copilotsuite.events.calculator.RoiInputs;

/**
 * Reads a full set of inputs in the spec's JSON shape (operation keys at the top level, a
 * {@code buckets} object with bucket1..bucket4) with the same validation and messages as a change:
 * every input becomes a {@code set}, so one rule decides what is in bounds.
 */
public final class InputsReader {

    public static final String MISSING_INPUT = "MISSING_INPUT";

    private InputsReader() {
    }

    /** @throws ChangeRejectedException naming the first input that is unknown, missing, mistyped or out of bounds */
    public static RoiInputs read(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new ChangeRejectedException(ChangeRejectedException.INVALID_VALUE,
                    "The body must be a JSON object of inputs.", null, null, null, null);
        }
        List<ChangeOp> ops = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = body.fields(); fields.hasNext();) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getKey().equals("buckets")) {
                buckets(field.getValue(), ops);
            } else {
                ops.add(op(field.getKey(), field.getValue()));
            }
        }
        List<String> given = ops.stream().map(ChangeOp::path).toList();
        List<String> missing = InputCatalog.all().stream().map(InputDef::path).filter(p -> !given.contains(p)).toList();
        // Unknown and invalid inputs are reported before missing ones: they say more about the mistake.
        RoiInputs inputs = ChangeApplier.apply(Defaults.inputs(), ops).inputs();
        if (!missing.isEmpty()) {
            throw new ChangeRejectedException(MISSING_INPUT, "Every input is required; missing: "
                    + String.join(", ", missing) + ".", missing.get(0), null, null, null);
        }
        return inputs;
    }

    private static void buckets(JsonNode buckets, List<ChangeOp> ops) {
        if (!buckets.isObject()) {
            throw new ChangeRejectedException(ChangeRejectedException.INVALID_VALUE,
                    "buckets must be an object with bucket1 to bucket4.", "buckets", null, null, null);
        }
        for (Iterator<Map.Entry<String, JsonNode>> each = buckets.fields(); each.hasNext();) {
            Map.Entry<String, JsonNode> bucket = each.next();
            String prefix = "buckets." + bucket.getKey() + ".";
            if (!bucket.getValue().isObject()) {
                throw new ChangeRejectedException(ChangeRejectedException.INVALID_VALUE,
                        prefix + " must be an object of that bucket's inputs.", "buckets." + bucket.getKey(), null,
                        null, null);
            }
            for (Iterator<Map.Entry<String, JsonNode>> fields = bucket.getValue().fields(); fields.hasNext();) {
                Map.Entry<String, JsonNode> field = fields.next();
                ops.add(op(prefix + field.getKey(), field.getValue()));
            }
        }
    }

    private static ChangeOp op(String path, JsonNode value) {
        boolean strategy = path.endsWith(".strategy");
        Object raw = value.isNumber() ? (Object) value.doubleValue() : value.isTextual() ? value.asText() : value.toString();
        return new ChangeOp(strategy ? ChangeOp.Kind.STRATEGY : ChangeOp.Kind.SET, path, raw);
    }
}
