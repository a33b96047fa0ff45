package dev.copilotsuite.document.rest;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;

import dev.copilotsuite.document.repository.Artifact;
import dev.copilotsuite.document.repository.ArtifactStore;
import dev.copilotsuite.document.service.DocumentService;
import dev.copilotsuite.events.calculator.ChangeOp;
import dev.copilotsuite.events.document.DocumentKind;
import dev.copilotsuite.events.document.DocumentRequested;
import dev.copilotsuite.events.document.DocumentScenario;
import dev.copilotsuite.platform.rest.ApiError;
import dev.copilotsuite.platform.security.Roles;
import io.smallrye.common.annotation.Blocking;

/** A session's documents, for the other services (the gateway serves them to the session's owner). */
@Path("/internal/sessions/{sessionId}")
@RolesAllowed(Roles.SERVICE)
@Blocking
public class ArtifactResource {

    /** Longest scenario label accepted; the document prints at most 120 characters of it. */
    static final int MAX_LABEL = 500;
    /** The calculator's own limit on one batch. */
    static final int MAX_OPS = 100;
    private static final String KINDS = Arrays.stream(DocumentKind.values()).map(Enum::name)
            .collect(Collectors.joining(", "));

    private final ArtifactStore artifacts;
    private final DocumentService documents;

    public ArtifactResource(ArtifactStore artifacts, DocumentService documents) {
        this.artifacts = artifacts;
        this.documents = documents;
    }

    /** The session's artifacts, newest first. */
    @GET
    @Path("/artifacts")
    public List<Artifact> list(@PathParam("sessionId") String sessionId) {
        return artifacts.list(sessionId);
    }

    /** The document's bytes; 404 for an id that is unknown, malformed or another session's. */
    @GET
    @Path("/artifacts/{artifactId}")
    public Response download(@PathParam("sessionId") String sessionId, @PathParam("artifactId") String artifactId) {
        Artifact artifact = artifacts.find(sessionId, artifactId).orElseThrow(() -> rejected(Response.Status.NOT_FOUND,
                ApiError.of("UNKNOWN_ARTIFACT", "Session " + sessionId + " has no artifact " + artifactId + ".")));
        return Response.ok(artifacts.content(artifact), artifact.contentType())
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + artifact.fileName() + "\"")
                .build();
    }

    /**
     * Generates a document now, as a DocumentRequested event would: 201 with its metadata, or 200 with
     * the earlier artifact when the request id was fulfilled before. ArtifactReady is published either way.
     */
    @POST
    @Path("/documents")
    public Response generate(@PathParam("sessionId") String sessionId, DocumentRequest body) {
        if (body == null || blank(body.tenantId()) || blank(body.requestId())) {
            throw rejected(Response.Status.BAD_REQUEST,
                    ApiError.of("MALFORMED_REQUEST", "tenantId and requestId are required."));
        }
        DocumentKind kind = kindOf(body.kind());
        if (body.stateVersion() != null && body.stateVersion() < 0) {
            throw rejected(Response.Status.BAD_REQUEST, new ApiError("INVALID_VALUE",
                    "stateVersion must be 0 or more, not " + body.stateVersion() + ".", "stateVersion",
                    body.stateVersion(), 0.0, null));
        }
        checkScenarios(body.scenarios());
        DocumentService.Fulfilment fulfilment = documents.fulfil(body.tenantId(), sessionId,
                new DocumentRequested(body.requestId(), kind, body.stateVersion(), body.requestedBy(),
                        body.scenarios()));
        Artifact artifact = fulfilment.artifact();
        URI location = UriBuilder.fromResource(ArtifactResource.class).path("artifacts/{artifactId}")
                .build(sessionId, artifact.artifactId());
        return Response.status(fulfilment.generated() ? Response.Status.CREATED : Response.Status.OK)
                .location(location).type(MediaType.APPLICATION_JSON).entity(artifact).build();
    }

    /**
     * The scenarios' shape: at most {@link DocumentService#MAX_SCENARIOS}, each with a label and 1 to
     * {@link #MAX_OPS} ops naming an operation and a path. Whether the ops fit the version is the calculator's
     * call; a scenario it refuses is printed as not evaluated.
     */
    private static void checkScenarios(List<DocumentScenario> scenarios) {
        if (scenarios == null) {
            return;
        }
        if (scenarios.size() > DocumentService.MAX_SCENARIOS) {
            throw rejected(Response.Status.BAD_REQUEST, new ApiError("TOO_MANY_SCENARIOS", "At most "
                    + DocumentService.MAX_SCENARIOS + " scenarios, not " + scenarios.size() + ".", "scenarios",
                    scenarios.size(), null, (double) DocumentService.MAX_SCENARIOS));
        }
        for (int i = 0; i < scenarios.size(); i++) {
            DocumentScenario scenario = scenarios.get(i);
            String path = "scenarios[" + i + "]";
            if (scenario == null || blank(scenario.label()) || scenario.label().length() > MAX_LABEL) {
                throw invalidScenario(path + ".label", "Scenario " + (i + 1) + " needs a label of 1 to " + MAX_LABEL
                        + " characters.");
            }
            List<ChangeOp> ops = scenario.ops();
            if (ops == null || ops.isEmpty() || ops.size() > MAX_OPS) {
                throw invalidScenario(path + ".ops", "Scenario " + (i + 1) + " needs 1 to " + MAX_OPS + " ops.");
            }
            for (int j = 0; j < ops.size(); j++) {
                ChangeOp op = ops.get(j);
                if (op == null || op.op() == null || blank(op.path()) || op.value() == null) {
                    throw invalidScenario(path + ".ops[" + j + "]", "Scenario " + (i + 1) + ", op " + (j + 1)
                            + " needs an op (set, scale, add, strategy), a path and a value.");
                }
            }
        }
    }

    private static WebApplicationException invalidScenario(String path, String message) {
        return rejected(Response.Status.BAD_REQUEST, new ApiError("INVALID_SCENARIO", message, path, null, null, null));
    }

    private static DocumentKind kindOf(String kind) {
        for (DocumentKind known : DocumentKind.values()) {
            if (known.name().equals(kind)) {
                return known;
            }
        }
        String message = kind == null ? "kind is required; allowed kinds: " + KINDS + "."
                : "Unknown kind '" + kind + "'; allowed kinds: " + KINDS + ".";
        throw rejected(Response.Status.BAD_REQUEST, new ApiError("UNKNOWN_KIND", message, "kind", kind, null, null));
    }

    private static WebApplicationException rejected(Response.Status status, ApiError error) {
        return new WebApplicationException(Response.status(status).type(MediaType.APPLICATION_JSON).entity(error).build());
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
