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
    void readinessReflectsKafkaMongoAndTheOutboundConsumers() throws InterruptedException {
        // The outbound consumers join their groups just after start; readiness waits for them.
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        while (given().get("/q/health/ready").statusCode() != 200 && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        given().when().get("/q/health/ready").then().statusCode(200).body("status", is("UP"))
                .body(containsString("Kafka")).body(containsString("MongoDB"))
                .body(containsString("outbound event consumers assigned"));
    }

    @Test
    void exposesPrometheusMetrics() {
        given().when().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
    }
}
