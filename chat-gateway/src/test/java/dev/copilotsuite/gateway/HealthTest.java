package dev.copilotsuite.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import org.junit.jupiter.api.Test;

import dev.copilotsuite.testing.CopilotTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(CopilotTestResource.class)
class HealthTest {

    @Test
    void readinessReflectsKafkaAndMongo() {
        given().when().get("/q/health/ready").then().statusCode(200).body("status", is("UP"))
                .body(containsString("Kafka")).body(containsString("MongoDB"));
    }

    @Test
    void exposesPrometheusMetrics() {
        given().when().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
    }
}
