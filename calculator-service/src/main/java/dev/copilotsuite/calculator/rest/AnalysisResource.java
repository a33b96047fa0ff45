package dev.copilotsuite.calculator.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import dev.copilotsuite.calculator.model.Drivers;
import dev.copilotsuite.calculator.model.GoalSeek;
import dev.copilotsuite.calculator.model.Scenarios;
import dev.copilotsuite.calculator.service.CalculatorService;
import dev.copilotsuite.events.calculator.BucketSet;
import dev.copilotsuite.events.calculator.CalculatorState;
import dev.copilotsuite.events.calculator.DriversView;
import dev.copilotsuite.events.calculator.GoalSeekRequest;
import dev.copilotsuite.events.calculator.GoalSeekResult;
import dev.copilotsuite.events.calculator.RecoveryComparison;
import dev.copilotsuite.events.calculator.ScenarioRequest;
import dev.copilotsuite.events.calculator.ScenarioResult;
import dev.copilotsuite.platform.security.Roles;
import io.smallrye.common.annotation.Blocking;

/**
 * What-ifs and explanations on a session's current state, or on an earlier version when {@code version} is
 * given (document-service shows one exact version); nothing here changes the state.
 */
@Path("/internal/sessions/{sessionId}")
@RolesAllowed(Roles.SERVICE)
@Blocking
public class AnalysisResource {

    private final CalculatorService calculator;

    public AnalysisResource(CalculatorService calculator) {
        this.calculator = calculator;
    }

    @POST
    @Path("/scenario")
    public ScenarioResult scenario(@PathParam("sessionId") String sessionId, @QueryParam("version") Long version,
            ScenarioRequest request) {
        Requests.require(request != null && request.ops() != null && !request.ops().isEmpty()
                && request.ops().size() <= CalculatorService.MAX_OPS, "1 to " + CalculatorService.MAX_OPS + " ops");
        return Scenarios.run(state(sessionId, version).inputs(), request.ops());
    }

    @POST
    @Path("/goal-seek")
    public GoalSeekResult goalSeek(@PathParam("sessionId") String sessionId, GoalSeekRequest request) {
        Requests.require(request != null && request.inputPath() != null && request.outputKey() != null
                && request.target() != null && Double.isFinite(request.target()), "inputPath, outputKey and a finite target");
        return GoalSeek.seek(calculator.current(sessionId).inputs(), request.inputPath(), request.outputKey(),
                request.target());
    }

    @GET
    @Path("/drivers")
    public DriversView drivers(@PathParam("sessionId") String sessionId, @QueryParam("version") Long version) {
        return Drivers.of(state(sessionId, version).inputs());
    }

    /** Which recovery factor differs most between two buckets: "why is bucket 3 lower than bucket 1?" */
    @GET
    @Path("/drivers/recovery")
    public RecoveryComparison compareRecovery(@PathParam("sessionId") String sessionId, @QueryParam("a") String a,
            @QueryParam("b") String b) {
        Requests.require(BucketSet.NAMES.contains(a) && BucketSet.NAMES.contains(b),
                "the buckets a and b, each one of " + BucketSet.NAMES);
        return Drivers.compareRecovery(calculator.current(sessionId).inputs(), a, b);
    }

    /** The version asked for (404 UNKNOWN_VERSION when the session lacks it), or the current state. */
    private CalculatorState state(String sessionId, Long version) {
        Requests.require(version == null || version >= 0, "a version of 0 or more");
        return version == null ? calculator.current(sessionId) : calculator.at(sessionId, version);
    }
}
