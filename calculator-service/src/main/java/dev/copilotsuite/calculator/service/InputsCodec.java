package dev.copilotsuite.calculator.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.bson.Document;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.copilotsuite.events.calculator.ChangeOp;
import dev.copilotsuite.events.calculator.RoiInputs;

/** Stores the event records as BSON through Jackson, so Mongo holds exactly the JSON the API shows. */
@ApplicationScoped
public class InputsCodec {

    private static final TypeReference<List<ChangeOp>> OPS = new TypeReference<>() {
    };

    private final ObjectMapper mapper;

    public InputsCodec(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public Document toDocument(Object value) {
        try {
            return Document.parse(mapper.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot store " + value.getClass().getSimpleName(), e);
        }
    }

    public RoiInputs inputs(Document document) {
        return read(document.toJson(), new TypeReference<RoiInputs>() {
        });
    }

    public List<Document> toDocuments(List<ChangeOp> ops) {
        return ops.stream().map(this::toDocument).toList();
    }

    public List<ChangeOp> ops(List<Document> documents) {
        String json = documents.stream().map(Document::toJson).reduce((a, b) -> a + "," + b).map(s -> "[" + s + "]")
                .orElse("[]");
        return read(json, OPS);
    }

    private <T> T read(String json, TypeReference<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored calculator data does not parse", e);
        }
    }
}
