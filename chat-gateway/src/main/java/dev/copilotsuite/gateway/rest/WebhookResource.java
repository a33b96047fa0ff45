package dev.copilotsuite.gateway.rest;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.mongodb.MongoException;

import dev.copilotsuite.gateway.config.GatewayConfig;
import dev.copilotsuite.gateway.security.SessionKeys;
import dev.copilotsuite.gateway.service.CommandPublisher;
import dev.copilotsuite.gateway.service.ConnectPayloads;
import dev.copilotsuite.gateway.service.Overloaded;
import dev.copilotsuite.platform.concurrent.Failures;
import dev.copilotsuite.platform.messaging.NotDurableException;
import dev.copilotsuite.gateway.service.WebhookRejected;
import dev.copilotsuite.gateway.service.WebhookSignatures;
import dev.copilotsuite.platform.rest.ApiError;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Where Amazon Connect's forwarder posts transcripts. Authenticated by its HMAC signature, not a
 * JWT: the signature is checked over the exact bytes received, before the body is even parsed.
 */
@Path("/webhook/transcripts")
@PermitAll
public class WebhookResource {

    private static final Logger LOG = Logger.getLogger(WebhookResource.class);

    private final WebhookSignatures signatures;
    private final ConnectPayloads payloads;
    private final CommandPublisher commands;
    private final GatewayConfig.Webhook config;

    public WebhookResource(WebhookSignatures signatures, ConnectPayloads payloads, CommandPublisher commands,
            GatewayConfig config) {
        this.signatures = signatures;
        this.payloads = payloads;
        this.commands = commands;
        this.config = config.webhook();
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public CompletionStage<Response> receive(@RestHeader("X-Copilot-Timestamp") String timestamp,
            @RestHeader("X-Copilot-Signature") String signature, byte[] body) {
        if (body == null || body.length == 0) {
            throw new WebhookRejected(400, "MALFORMED_JSON", "The body is empty.");
        }
        if (body.length > config.maxBodyBytes()) {
            throw new WebhookRejected(413, "TOO_LARGE", "The body is larger than " + config.maxBodyBytes() + " bytes.");
        }
        String accepted = signatures.authenticate(timestamp, signature, body);
        ConnectPayloads.Parsed parsed = payloads.parse(body);
        if (parsed.segments().size() > commands.maxBatch()) {
            throw new WebhookRejected(413, "TOO_LARGE", "A request may carry at most " + commands.maxBatch() + " segments.");
        }
        String sessionKey = SessionKeys.call(config.tenant(), parsed.sessionId());
        // Nothing below holds a thread: the replay check and the signature's record share batched round trips,
        // and Kafka's ack completes the publish; each step goes on on this request's event loop.
        Executor here = onThisEventLoop();
        CompletableFuture<Response> answer = new CompletableFuture<>();
        signatures.notReplayed(accepted)
                // Publish first, remember the signature after: a forwarder retrying a failed post is not called a
                // replay. 2xx only once Kafka holds every segment; otherwise a bounded 503, so the forwarder retries.
                .thenComposeAsync(notReplayed -> commands.segments(config.tenant(), sessionKey, parsed.segments(),
                        config.publishTimeout()), here)
                .thenComposeAsync(published -> signatures.remember(accepted), here)
                .whenCompleteAsync((remembered, failure) -> {
                    if (failure == null) {
                        if (!remembered) {
                            LOG.infof("signature accepted twice concurrently for call %s; the segments are idempotent",
                                    parsed.sessionId());
                        }
                        answer.complete(Response.accepted(new Accepted(parsed.sessionId(), parsed.segments().size())).build());
                    } else {
                        answer.completeExceptionally(refusal(parsed.sessionId(), failure));
                    }
                }, here);
        return answer;
    }

    /** What a failed step answers: its own exception (mapped below), a Kafka that did not take it as a 503. */
    private static Throwable refusal(String sessionId, Throwable failure) {
        Throwable cause = Failures.cause(failure);
        if (cause instanceof NotDurableException e) {
            LOG.warnf("segments of call %s not accepted: %s", sessionId, e.getMessage());
            return new WebhookRejected(503, "UNAVAILABLE", e.getMessage() + " Nothing was accepted; retry the request.");
        }
        return cause;
    }

    /** Runs a step on the request's own event loop (its Vert.x context), or in place outside one. */
    private static Executor onThisEventLoop() {
        Context context = Vertx.currentContext();
        return context == null ? Runnable::run : task -> context.runOnContext(ignored -> task.run());
    }

    @ServerExceptionMapper
    public Response rejected(WebhookRejected e) {
        Response.ResponseBuilder response = Response.status(e.status()).entity(ApiError.of(e.code(), e.getMessage()));
        if (e.status() == 503) {
            response.header("Retry-After", "1");
        }
        return response.build();
    }

    /** Kafka is behind: a clear 503 the forwarder retries, never a 500 (docs: chat-gateway/README.md, "Webhook errors"). */
    @ServerExceptionMapper
    public Response overloaded(Overloaded e) {
        long seconds = Math.max(1, (e.retryAfter().toMillis() + 999) / 1000);
        return Response.status(503).header("Retry-After", Long.toString(seconds))
                .entity(ApiError.of("OVERLOADED", e.getMessage())).build();
    }

    /**
     * The store of accepted signatures cannot be reached (or the gateway ran out of sockets to reach it): the
     * request cannot be checked for replay, so it is refused whole, as a retryable 503 rather than a 500.
     */
    @ServerExceptionMapper
    public Response storeUnavailable(MongoException e) {
        LOG.warnf("webhook refused: the signature store is unavailable: %s", e.getMessage());
        return Response.status(503).header("Retry-After", Long.toString(Math.max(1, config.retryAfter().toSeconds())))
                .entity(ApiError.of("UNAVAILABLE", "The gateway cannot check this request for replay now; retry shortly."))
                .build();
    }

    record Accepted(String sessionId, int segments) {
    }
}
