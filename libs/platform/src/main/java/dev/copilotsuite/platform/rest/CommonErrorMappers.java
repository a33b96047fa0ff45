package dev.copilotsuite.platform.rest;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import dev.copilotsuite.platform.messaging.NotDurableException;

/**
 * Turns request bodies that do not parse into a 400 that says what is wrong, and a Kafka that does not
 * acknowledge into a 503, in every service.
 */
public class CommonErrorMappers {

    @ServerExceptionMapper
    public Response malformed(JsonProcessingException e) {
        String message;
        if (e instanceof InvalidFormatException invalid) {
            message = "Field '" + pathOf(invalid) + "' has the wrong type: " + invalid.getValue() + ".";
        } else if (e instanceof MismatchedInputException mismatched && !mismatched.getPath().isEmpty()) {
            message = "Field '" + pathOf(mismatched) + "' has the wrong type or shape.";
        } else {
            message = "The request body is not valid JSON: " + e.getOriginalMessage();
        }
        return Response.status(Response.Status.BAD_REQUEST).entity(ApiError.of("MALFORMED_REQUEST", message)).build();
    }

    /** More specific than the mapper above, so it wins over Quarkus's own mapper for these types. */
    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e) {
        return malformed(e);
    }

    @ServerExceptionMapper
    public Response invalidFormat(InvalidFormatException e) {
        return malformed(e);
    }

    /** Quarkus REST reports an unparsable body as a bare 400 whose cause is Jackson's exception. */
    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return malformed(json);
        }
        return e.getResponse();
    }

    /** Kafka is down or behind: nothing was done, and the client may retry shortly. */
    @ServerExceptionMapper
    public Response notDurable(NotDurableException e) {
        return Response.status(Response.Status.SERVICE_UNAVAILABLE).header("Retry-After", "1")
                .entity(ApiError.of("UNAVAILABLE", e.getMessage() + " Nothing was done; retry shortly.")).build();
    }

    private static String pathOf(MismatchedInputException e) {
        StringBuilder path = new StringBuilder();
        e.getPath().forEach(ref -> {
            if (ref.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else {
                path.append('[').append(ref.getIndex()).append(']');
            }
        });
        return path.toString();
    }
}
