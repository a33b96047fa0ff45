package dev.copilotsuite.calculator.service;

import java.io.StringReader;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonStructure;
import jakarta.json.spi.JsonProvider;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.copilotsuite.events.calculator.CalculatorState;
import dev.copilotsuite.events.calculator.JsonPatchOp;

/**
 * The RFC 6902 patch between two versions of a session's {@code {version, inputs, outputs}} document,
 * computed by JSON-P's {@code createDiff}, so a client holding one version can move to the next with a
 * small delta instead of a whole state.
 */
@ApplicationScoped
public class StatePatches {

    private static final TypeReference<List<JsonPatchOp>> OPS = new TypeReference<>() {
    };

    /**
     * Looked up once: {@code Json.createDiff} and {@code Json.createReader} look the provider up through
     * ServiceLoader on every call, which scanned the class path's jars for each published state.
     */
    private static final JsonProvider JSON = JsonProvider.provider();

    private final ObjectMapper mapper;

    public StatePatches(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public List<JsonPatchOp> between(CalculatorState from, CalculatorState to) {
        try {
            String patch = JSON.createDiff(document(from), document(to)).toJsonArray().toString();
            return mapper.readValue(patch, OPS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a calculator state did not serialise", e);
        }
    }

    private JsonStructure document(CalculatorState state) throws JsonProcessingException {
        String json = mapper.writeValueAsString(new Document(state.version(), state));
        try (var reader = JSON.createReader(new StringReader(json))) {
            return reader.read();
        }
    }

    /** The shape clients hold: the version with the state's inputs and outputs. */
    private record Document(long version, Object inputs, Object outputs) {
        Document(long version, CalculatorState state) {
            this(version, state.inputs(), state.outputs());
        }
    }
}
