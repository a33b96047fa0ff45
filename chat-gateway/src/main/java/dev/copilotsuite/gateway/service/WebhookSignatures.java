package dev.copilotsuite.gateway.service;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

import dev.copilotsuite.gateway.config.GatewayConfig;
import dev.copilotsuite.gateway.repository.AcceptedSignatureRepository;
import io.quarkus.scheduler.Scheduled;

/**
 * Checks shared/design/amazon-connect.md's signature: HMAC-SHA256 over {@code timestamp + "." + body}
 * with the forwarder's secret, a timestamp within the tolerance, and no signature accepted twice.
 */
@ApplicationScoped
public class WebhookSignatures {

    static final String PREFIX = "sha256=";

    private final GatewayConfig.Webhook config;
    private final AcceptedSignatureRepository accepted;
    private final Clock clock;
    /** A keyed Mac per event-loop thread: looking the algorithm up and keying it cost as much as the HMAC itself. */
    private final ThreadLocal<Mac> macs;

    public WebhookSignatures(GatewayConfig config, AcceptedSignatureRepository accepted) {
        this.config = config.webhook();
        this.accepted = accepted;
        this.clock = Clock.systemUTC();
        String secret = this.config.secret();
        this.macs = ThreadLocal.withInitial(() -> mac(secret));
    }

    /**
     * Authenticates a request before anything of it is used: signed with the secret, over these bytes, at a
     * timestamp within the tolerance. Returns the request's replay key, to check ({@link #notReplayed}) and to
     * record once accepted ({@link #remember}): the timestamp, then the signature. The timestamp first keeps
     * the store's keys in time order, so a new one goes at the end of its index rather than on a random page
     * of it (tools/mongo-server/README.md, "Key order").
     */
    public String authenticate(String timestampHeader, String signatureHeader, byte[] body) {
        if (timestampHeader == null || signatureHeader == null) {
            throw new WebhookRejected(401, "UNSIGNED", "X-Copilot-Timestamp and X-Copilot-Signature are required.");
        }
        long timestamp;
        try {
            timestamp = Long.parseLong(timestampHeader.trim());
        } catch (NumberFormatException e) {
            throw new WebhookRejected(401, "BAD_SIGNATURE", "X-Copilot-Timestamp must be Unix seconds.");
        }
        Duration skew = Duration.between(Instant.ofEpochSecond(timestamp), clock.instant()).abs();
        if (skew.compareTo(config.tolerance()) > 0) {
            throw new WebhookRejected(401, "STALE_TIMESTAMP",
                    "X-Copilot-Timestamp is more than " + config.tolerance().toMinutes() + " minutes from the gateway's clock.");
        }
        if (!signatureHeader.startsWith(PREFIX)) {
            throw new WebhookRejected(401, "BAD_SIGNATURE", "X-Copilot-Signature must be sha256=<hex>.");
        }
        byte[] presented;
        try {
            presented = HexFormat.of().parseHex(signatureHeader.substring(PREFIX.length()).trim().toLowerCase());
        } catch (IllegalArgumentException e) {
            throw new WebhookRejected(401, "BAD_SIGNATURE", "X-Copilot-Signature must be sha256=<hex>.");
        }
        if (!MessageDigest.isEqual(presented, sign(macs.get(), timestamp, body))) {
            throw new WebhookRejected(401, "BAD_SIGNATURE", "The signature does not match the body.");
        }
        return timestamp + ":" + HexFormat.of().formatHex(presented); // within the tolerance: ten digits until 2286
    }

    /** Completes once the signature is known not to have been accepted before; fails with a 409 if it was. */
    public CompletableFuture<Void> notReplayed(String signature) {
        return accepted.seen(signature).thenCompose(seen -> seen
                ? CompletableFuture.failedFuture(new WebhookRejected(409, "REPLAYED", "This signed request was accepted already."))
                : CompletableFuture.completedFuture(null));
    }

    /** Remembers an accepted signature for the replay window; false when a concurrent twin won. */
    public CompletableFuture<Boolean> remember(String signature) {
        return accepted.record(signature, clock.instant().plus(config.tolerance().multipliedBy(2)));
    }

    public static byte[] sign(String secret, long timestamp, byte[] body) {
        return sign(mac(secret), timestamp, body);
    }

    /** doFinal leaves the Mac keyed and ready for the next message. */
    private static byte[] sign(Mac mac, long timestamp, byte[] body) {
        mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
        return mac.doFinal(body);
    }

    private static Mac mac(String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    @Scheduled(every = "1m", delayed = "1m")
    void purge() {
        accepted.purgeExpired(clock.instant());
    }
}
