package dev.copilotsuite.calculator.model;

import dev.copilotsuite.events.calculator.InputDef;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.copilotsuite.events.calculator.BucketInputs;
import dev.copilotsuite.events.calculator.BucketOutputs;
import dev.copilotsuite.events.calculator.BucketSet;
import dev.copilotsuite.events.calculator.RoiInputs;
import dev.copilotsuite.events.calculator.RoiOutputs;
import dev.copilotsuite.events.calculator.Strategy;

class CatalogTest {

    private static List<String> components(Class<? extends Record> type) {
        return Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName)
                .filter(name -> !name.equals("buckets"))
                .toList();
    }

    /** Every input path, read from the records' components. */
    private static List<String> expectedPaths() {
        List<String> paths = new ArrayList<>(components(RoiInputs.class));
        for (String bucket : BucketSet.NAMES) {
            components(BucketInputs.class).forEach(key -> paths.add("buckets." + bucket + "." + key));
        }
        return paths;
    }

    /** An input's value read from the record by its component name, independent of the catalog. */
    private static Object read(RoiInputs in, InputDef def) {
        Record record = def.bucket() == null ? in : in.buckets().get(def.bucket());
        Object value = RoiModelTest.component(record, def.key());
        return value instanceof Strategy s ? s.name() : value;
    }

    @Test
    void everyInputComponentHasExactlyOneDefinition() {
        assertEquals(expectedPaths(), InputCatalog.all().stream().map(InputDef::path).toList());
        for (String path : expectedPaths()) {
            assertEquals(path, InputCatalog.byPath(path).orElseThrow().path());
        }
    }

    @Test
    void unknownPathsHaveNoDefinition() {
        assertEquals(Optional.empty(), InputCatalog.byPath("robots"));
        assertEquals(Optional.empty(), InputCatalog.byPath("buckets.bucket7.accounts"));
        assertEquals(Optional.empty(), InputCatalog.byPath(null));
    }

    @Test
    void catalogDefaultsAreTheDefaults() {
        for (InputDef def : InputCatalog.all()) {
            assertEquals(read(Defaults.inputs(), def), def.defaultValue(), def.path());
        }
    }

    @Test
    void defaultsAreWithinBounds() {
        for (InputDef def : InputCatalog.all()) {
            if (def.isStrategy()) {
                assertTrue(def.values().contains((String) def.defaultValue()), def.path());
            } else {
                double value = ((Number) def.defaultValue()).doubleValue();
                assertTrue(def.min() <= value && value <= def.max(), def.path());
            }
        }
    }

    @Test
    void writingAPathChangesExactlyItsComponent() {
        RoiInputs defaults = Defaults.inputs();
        for (InputDef def : InputCatalog.all()) {
            Object value = def.isStrategy() ? Strategy.AI_FIRST.name() : (Double) (def.integer() ? 77.0 : 0.123);
            RoiInputs changed = InputCatalog.with(defaults, def, value);
            for (InputDef other : InputCatalog.all()) {
                Object expected = other == def
                        ? (def.integer() ? (Object) 77 : value)
                        : read(defaults, other);
                assertEquals(expected, read(changed, other), "writing " + def.path() + ", reading " + other.path());
                assertEquals(read(changed, other), InputCatalog.valueOf(changed, other), other.path());
            }
        }
    }

    @Test
    void inputShapes() {
        InputDef attempts = InputCatalog.byPath("buckets.bucket3.attemptsPerAccount").orElseThrow();
        assertTrue(attempts.integer());
        assertEquals(8, attempts.defaultValue());
        assertEquals(1.0, attempts.min());
        assertEquals(100.0, attempts.max());
        InputDef strategy = InputCatalog.byPath("buckets.bucket2.strategy").orElseThrow();
        assertEquals(List.of("HUMAN", "AI_AUGMENTED", "AI_FIRST"), strategy.values());
        assertEquals("HUMAN", strategy.defaultValue());
        InputDef agents = InputCatalog.byPath("humanAgents").orElseThrow();
        assertEquals("Human agents", agents.label());
        assertEquals("FTE", agents.unit());
        assertEquals(0.0, agents.min());
        assertEquals(100000.0, agents.max());
        assertEquals(null, agents.bucket());
        assertEquals(1e10, InputCatalog.byPath("aiImplementationCost").orElseThrow().max());
        assertEquals(0.01, InputCatalog.byPath("targetOccupancy").orElseThrow().min());
        assertEquals("bucket4", InputCatalog.byPath("buckets.bucket4.keptRate").orElseThrow().bucket());
        InputCatalog.all().forEach(def -> assertFalse(def.description().isBlank(), def.path()));
    }

    @Test
    void synonymsPeopleUse() {
        Map<String, List<String>> expected = Map.of(
                "humanAgents", List.of("agents", "headcount", "agent count", "fte"),
                "humanSalary", List.of("salary", "wage"),
                "benefitsLoad", List.of("benefits", "benefits load"),
                "rent", List.of("rent", "facility cost"),
                "seatCost", List.of("seat cost", "technology cost"),
                "buckets.bucket2.handleMinutes", List.of("aht", "handle time"),
                "buckets.bucket1.contactRate", List.of("rpc rate", "contact rate", "right party contact"),
                "buckets.bucket4.promiseRate", List.of("ptp rate", "promise rate"));
        expected.forEach((path, synonyms) -> assertTrue(
                InputCatalog.byPath(path).orElseThrow().synonyms().containsAll(synonyms), path));
    }

    @Test
    void aSynonymNamesOneInput() {
        Map<String, String> owner = new HashMap<>();
        for (InputDef def : InputCatalog.all()) {
            for (String synonym : def.synonyms()) {
                assertEquals(synonym.toLowerCase(), synonym);
                String previous = owner.putIfAbsent(synonym, def.key());
                assertTrue(previous == null || previous.equals(def.key()),
                        "'" + synonym + "' names " + previous + " and " + def.key());
            }
        }
    }

    @Test
    void bucketAliases() {
        Map<String, String> aliases = InputCatalog.bucketAliases();
        Map.of("early-stage", "bucket1", "1-30", "bucket1", "first bucket", "bucket1", "31-60", "bucket2",
                "61-90", "bucket3", "late-stage", "bucket4", "90+", "bucket4", "91-120", "bucket4",
                "last bucket", "bucket4")
                .forEach((alias, bucket) -> assertEquals(bucket, aliases.get(alias), alias));
        aliases.forEach((alias, bucket) -> {
            assertTrue(BucketSet.NAMES.contains(bucket), alias);
            assertEquals(alias.toLowerCase(), alias);
        });
    }

    @Test
    void strategyAliases() {
        Map<String, String> aliases = InputCatalog.strategyAliases();
        assertEquals("AI_FIRST", aliases.get("ai first"));
        assertEquals("AI_AUGMENTED", aliases.get("ai augmentation"));
        assertFalse(aliases.containsKey("robot-only"), "AI_FIRST still hands conversations to humans");
        aliases.values().forEach(Strategy::valueOf);
    }

    @Test
    void everyOutputComponentHasExactlyOneDefinition() {
        assertEquals(components(RoiOutputs.class), OutputCatalog.operation().stream().map(OutputDef::key).toList());
        assertEquals(components(BucketOutputs.class), OutputCatalog.bucket().stream().map(OutputDef::key).toList());
        assertEquals(OutputDef.Unit.PERCENT, OutputCatalog.operation("peakUtilization").orElseThrow().unit());
        assertEquals(OutputDef.Unit.MONEY, OutputCatalog.bucket("recovered").orElseThrow().unit());
        assertEquals(OutputDef.Unit.MULTIPLE, OutputCatalog.operation("roi").orElseThrow().unit());
        assertEquals(Optional.empty(), OutputCatalog.operation("recovered"));
        OutputCatalog.operation().forEach(d -> assertNotEquals("", d.label()));
    }
}
