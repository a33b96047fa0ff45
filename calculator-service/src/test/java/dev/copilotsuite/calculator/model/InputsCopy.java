package dev.copilotsuite.calculator.model;

import dev.copilotsuite.events.calculator.InputDef;
import dev.copilotsuite.events.calculator.RoiInputs;

/** Copies inputs value by value, so a test can tell a changed instance from an equal one. */
final class InputsCopy {

    private InputsCopy() {
    }

    static RoiInputs of(RoiInputs in) {
        RoiInputs copy = Defaults.inputs();
        for (InputDef def : InputCatalog.all()) {
            Object value = InputCatalog.valueOf(in, def);
            copy = InputCatalog.with(copy, def, value instanceof Integer i ? (Object) i.doubleValue() : value);
        }
        return copy;
    }
}
