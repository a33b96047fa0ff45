package dev.copilotsuite.copilot.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.copilotsuite.copilot.security.PolicyRoles;
import dev.copilotsuite.copilot.service.Clause;
import dev.copilotsuite.copilot.service.IngestedPolicy;
import dev.copilotsuite.copilot.service.PolicyCorpus;
import dev.copilotsuite.copilot.service.PolicyIngestion;
import dev.copilotsuite.platform.security.Roles;
import io.smallrye.common.annotation.Blocking;

/**
 * The policy corpus: list its documents, and ingest one (Markdown in the corpus format, or a PDF whose
 * text is) as the request body. The PDF is recognised by its bytes, whatever the Content-Type says.
 */
@Path("/api/policies")
@RolesAllowed({ PolicyRoles.POLICY_ADMIN, Roles.SERVICE })
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class PolicyResource {

    /** One document of the corpus, as listed. */
    public record PolicyDocumentSummary(String docId, String title, List<String> plans, List<String> contractTypes,
            List<String> states, int clauses) {
    }

    private final PolicyIngestion ingestion;
    private final PolicyCorpus corpus;

    public PolicyResource(PolicyIngestion ingestion, PolicyCorpus corpus) {
        this.ingestion = ingestion;
        this.corpus = corpus;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    public Response ingest(@QueryParam("fileName") String fileName, byte[] body) {
        IngestedPolicy ingested = ingestion.ingest(fileName, body);
        return Response.status(ingested.replaced() ? Response.Status.OK : Response.Status.CREATED).entity(ingested).build();
    }

    @GET
    public List<PolicyDocumentSummary> documents() {
        return corpus.documentIds().stream().map(docId -> {
            List<Clause> clauses = corpus.document(docId);
            Clause first = clauses.get(0);
            return new PolicyDocumentSummary(docId, first.title(), first.plans(), first.contractTypes(), first.states(),
                    clauses.size());
        }).toList();
    }
}
