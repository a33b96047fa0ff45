package dev.copilotsuite.document.rest;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import dev.copilotsuite.document.client.CalculatorUnavailableException;
import dev.copilotsuite.document.client.UnknownStateVersionException;
import dev.copilotsuite.platform.rest.ApiError;

/** Failures of the calculator call, as the REST caller sees them once the retries are spent. */
public class DocumentErrorMappers {

    @ServerExceptionMapper
    public Response unknownVersion(UnknownStateVersionException e) {
        return Response.status(Response.Status.NOT_FOUND).entity(ApiError.of("UNKNOWN_VERSION", e.getMessage())).build();
    }

    @ServerExceptionMapper({CalculatorUnavailableException.class, ProcessingException.class, TimeoutException.class})
    public Response calculatorUnavailable(RuntimeException e) {
        return Response.status(Response.Status.SERVICE_UNAVAILABLE)
                .entity(ApiError.of("CALCULATOR_UNAVAILABLE", "calculator-service did not answer: " + e.getMessage()))
                .build();
    }
}
