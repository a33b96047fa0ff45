package dev.copilotsuite.calculator.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.bson.Document;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.copilotsuite.events.calculator.ChangeOp;
import dev.copilotsuite.events.calculator.RoiInputs;

/**
 * Stores the event records as BSON through Jackson, so Mongo holds exactly the JSON the API shows. Jackson
 * converts between the records and documents through its token buffer, not through JSON text (writing each
 * version's inputs as text and parsing it into a Document cost more than the conversion itself): a double
 * is stored as a BSON double, an int as an int32, an enum by name, as the text round trip stored them.
 */
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
            return mapper.convertValue(value, Document.class);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("cannot store " + value.getClass().getSimpleName(), e);
        }
    }

    public RoiInputs inputs(Document document) {
        return read(document, RoiInputs.class);
    }

    public List<Document> toDocuments(List<ChangeOp> ops) {
        return ops.stream().map(this::toDocument).toList();
    }

    public List<ChangeOp> ops(List<Document> documents) {
        try {
            return mapper.convertValue(documents, OPS);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("stored calculator data does not parse", e);
        }
    }

    private <T> T read(Document document, Class<T> type) {
        try {
            return mapper.convertValue(document, type);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("stored calculator data does not parse", e);
        }
    }
}
