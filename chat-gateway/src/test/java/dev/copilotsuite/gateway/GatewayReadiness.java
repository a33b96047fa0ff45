package dev.copilotsuite.gateway;

import java.util.concurrent.TimeUnit;

import io.restassured.RestAssured;

/**
 * Waits for /q/health/ready: a replica reads outbound events from "latest", so a test that publishes one
 * before the gateway's consumers hold their partitions would lose it.
 */
final class GatewayReadiness {

    private GatewayReadiness() {
    }

    static void await() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (RestAssured.get("/q/health/ready").statusCode() != 200) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the gateway never became ready");
            }
            Thread.sleep(100);
        }
    }
}
