package dev.copilotsuite.platform.json;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * Jackson's own fast number paths for the application's ObjectMapper (and so for every event on Kafka):
 * Schubfach for writing doubles and FastDoubleParser for reading them. A calculator state event carries
 * dozens of doubles, and JDK 17's {@code Double.toString} was a tenth of calculator-service's CPU per change.
 * The text is the shortest that reads back as the same double, so every reader gets the same values.
 */
@Singleton
public class FastNumbers implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.getFactory().enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER.mappedFeature());
        mapper.getFactory().enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER.mappedFeature());
        mapper.getFactory().enable(StreamReadFeature.USE_FAST_BIG_NUMBER_PARSER.mappedFeature());
    }
}
