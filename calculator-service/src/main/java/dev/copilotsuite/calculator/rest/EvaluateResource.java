package dev.copilotsuite.calculator.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import com.fasterxml.jackson.databind.JsonNode;

import dev.copilotsuite.calculator.model.RoiModel;
import dev.copilotsuite.calculator.service.InputsReader;
import dev.copilotsuite.events.calculator.RoiOutputs;
import dev.copilotsuite.platform.security.Roles;

/** Evaluates a full set of inputs without storing anything; the gateway exposes it as /api/calculator/evaluate. */
@Path("/internal/evaluate")
@RolesAllowed(Roles.SERVICE)
public class EvaluateResource {

    @POST
    public RoiOutputs evaluate(JsonNode inputs) {
        return RoiModel.evaluate(InputsReader.read(inputs));
    }
}
