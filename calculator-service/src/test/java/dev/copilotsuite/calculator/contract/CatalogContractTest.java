package dev.copilotsuite.calculator.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import dev.copilotsuite.calculator.model.InputCatalog;
import dev.copilotsuite.events.calculator.InputCatalogView;

/**
 * Holds the catalog calculator-service serves to the contract fixture its consumers test against.
 * After a deliberate catalog change, regenerate the fixture with
 * {@code ./mvnw -pl calculator-service test -Dtest=CatalogContractTest -Dcontracts.write=true}.
 */
class CatalogContractTest {

    static final String FIXTURE = "/contracts/calculator-catalog.json";

    @Test
    void theServedCatalogIsTheContractFixture() throws IOException {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        InputCatalogView served = new InputCatalogView(InputCatalog.all(), InputCatalog.bucketAliases(),
                InputCatalog.strategyAliases());
        if (Boolean.getBoolean("contracts.write")) {
            Files.writeString(Path.of("../libs/testing/src/main/resources" + FIXTURE), mapper.writeValueAsString(served));
        }
        try (InputStream fixture = getClass().getResourceAsStream(FIXTURE)) {
            JsonNode expected = mapper.readTree(fixture);
            assertEquals(expected, mapper.readTree(mapper.writeValueAsString(served)),
                    "the catalog changed: regenerate " + FIXTURE + " and check its consumers");
        }
    }
}
