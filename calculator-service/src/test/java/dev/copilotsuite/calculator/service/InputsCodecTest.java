package dev.copilotsuite.calculator.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import org.bson.BsonBinaryReader;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.DocumentCodec;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.copilotsuite.events.calculator.CalculatorState;
import dev.copilotsuite.events.calculator.ChangeOp;
import dev.copilotsuite.events.calculator.RoiInputs;
import dev.copilotsuite.events.calculator.Strategy;

/**
 * Inputs and ops go to BSON and back exactly: what is read back equals what was stored, and the BSON bytes are
 * those the former JSON text round trip ({@code Document.parse} of Jackson's text) stored, so versions stored
 * before and after read alike.
 */
class InputsCodecTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final DocumentCodec BSON = new DocumentCodec();

    private final InputsCodec codec = new InputsCodec(MAPPER);

    @Test
    void randomInputsRoundTripThroughBsonExactly() throws Exception {
        for (long seed = 0; seed < 2000; seed++) {
            RoiInputs inputs = new RandomStates(seed).any().inputs();
            Document stored = codec.toDocument(inputs);
            assertArrayEquals(bytes(Document.parse(MAPPER.writeValueAsString(inputs))), bytes(stored), "seed " + seed);
            assertEquals(inputs, codec.inputs(fromBson(bytes(stored))), "seed " + seed);
            assertEquals(inputs, codec.inputs(stored), "seed " + seed);
        }
    }

    @Test
    void modelStatesRoundTripThroughBsonExactly() throws Exception {
        RandomStates random = new RandomStates(7);
        CalculatorState state = RandomStates.defaults();
        for (int n = 0; n < 500; n++) {
            state = random.changed(state);
            Document stored = codec.toDocument(state.inputs());
            assertArrayEquals(bytes(Document.parse(MAPPER.writeValueAsString(state.inputs()))), bytes(stored));
            assertEquals(state.inputs(), codec.inputs(fromBson(bytes(stored))));
        }
    }

    @Test
    void opsRoundTripThroughBsonExactly() throws Exception {
        List<ChangeOp> ops = List.of(ChangeOp.set("humanAgents", 30), ChangeOp.scale("buckets.bucket2.contactRate", 1.1),
                ChangeOp.add("rent", -1.5e-9), ChangeOp.strategy("bucket4", Strategy.AI_FIRST),
                new ChangeOp(ChangeOp.Kind.SET, "buckets.bucket1.attemptsPerAccount", 4),
                new ChangeOp(ChangeOp.Kind.SET, "humanSalary", 12_345_678_901L),
                new ChangeOp(ChangeOp.Kind.SET, "humanAgents", 1.2345678E7));
        List<Document> stored = codec.toDocuments(ops);
        List<Document> read = new ArrayList<>();
        for (int i = 0; i < ops.size(); i++) {
            assertArrayEquals(bytes(Document.parse(MAPPER.writeValueAsString(ops.get(i)))), bytes(stored.get(i)));
            read.add(fromBson(bytes(stored.get(i))));
        }
        assertEquals(ops, codec.ops(read));
        assertEquals(List.of(), codec.ops(List.of()));
    }

    private static byte[] bytes(Document document) {
        ByteBuffer buffer = new RawBsonDocument(document, BSON).getByteBuffer().asNIO();
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }

    private static Document fromBson(byte[] bytes) {
        return BSON.decode(new BsonBinaryReader(ByteBuffer.wrap(bytes)), DecoderContext.builder().build());
    }
}
