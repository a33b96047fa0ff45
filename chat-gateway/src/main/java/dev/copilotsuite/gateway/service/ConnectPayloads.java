package dev.copilotsuite.gateway.service;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.copilotsuite.events.call.CallContext;
import dev.copilotsuite.events.call.TranscriptLine;
import dev.copilotsuite.events.call.TranscriptSegmentReceived;
import dev.copilotsuite.gateway.config.GatewayConfig;
import dev.copilotsuite.gateway.security.SessionKeys;

/**
 * Reads both shapes of shared/design/amazon-connect.md, the flat segment and the Contact Lens
 * real-time event, into transcript segments. Every field is checked before anything is published,
 * so a request is taken whole or refused whole.
 */
@ApplicationScoped
public class ConnectPayloads {

    static final Set<String> SPEAKERS = Set.of("CUSTOMER", "AGENT");
    static final Set<String> PLANS = Set.of("ESSENTIAL", "PLUS", "PREMIER");
    static final Set<String> CONTRACT_TYPES = Set.of("HOMEOWNER", "REAL_ESTATE");
    static final Set<String> ROLES = Set.of("BUYER", "SELLER");
    static final Set<String> SENTIMENTS = Set.of("POSITIVE", "NEUTRAL", "NEGATIVE", "MIXED");
    static final Set<String> EVENT_TYPES = Set.of("STARTED", "SEGMENTS", "COMPLETED", "FAILED");

    /** The call the request is about (the client-visible session id) and its segments in order. */
    public record Parsed(String sessionId, List<TranscriptSegmentReceived> segments) {
    }

    private final ObjectMapper mapper;
    private final GatewayConfig.Webhook config;

    public ConnectPayloads(ObjectMapper mapper, GatewayConfig config) {
        this.mapper = mapper;
        this.config = config.webhook();
    }

    public Parsed parse(byte[] body) {
        JsonNode root;
        try {
            root = mapper.readTree(body);
        } catch (JsonProcessingException e) {
            throw invalid("MALFORMED_JSON", "The body is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw invalid("MALFORMED_JSON", "The body could not be read.");
        }
        if (root == null || !root.isObject()) {
            throw invalid("MALFORMED_JSON", "The body must be a JSON object.");
        }
        if (root.has("ContactId") || root.has("EventType")) {
            return contactLens(root);
        }
        return flat(root);
    }

    private Parsed flat(JsonNode root) {
        String sessionId = sessionId(requiredText(root, "sessionId"), "sessionId");
        String text = requiredText(root, "text");
        checkLength(text, "text");
        String speaker = optionalEnum(root, "speaker", SPEAKERS);
        Long begin = optionalLong(root, "beginOffsetMillis");
        Long end = optionalLong(root, "endOffsetMillis");
        String segmentId = optionalId(root, "segmentId");
        if (segmentId == null) {
            // No key from the forwarder: derive one from what identifies the utterance, so a repost is still one segment.
            segmentId = "h-" + digest(sessionId + "|" + begin + "|" + text);
        }
        boolean partial = optionalBoolean(root, "partial");
        CallContext context = new CallContext(optionalPhone(root), optionalState(root), optionalEnum(root, "plan", PLANS),
                optionalEnum(root, "contractType", CONTRACT_TYPES), optionalEnum(root, "role", ROLES));
        TranscriptLine line = new TranscriptLine(segmentId, segmentId, speaker == null ? "CUSTOMER" : speaker, text,
                partial, begin, end, null, List.of());
        return new Parsed(sessionId, List.of(new TranscriptSegmentReceived(line, context)));
    }

    private Parsed contactLens(JsonNode root) {
        String sessionId = sessionId(requiredText(root, "ContactId"), "ContactId");
        String eventType = requiredText(root, "EventType");
        if (!EVENT_TYPES.contains(eventType)) {
            throw invalid("INVALID_FIELD", "EventType must be one of " + EVENT_TYPES + ", not '" + eventType + "'.");
        }
        if (!"SEGMENTS".equals(eventType)) {
            return new Parsed(sessionId, List.of());
        }
        JsonNode segments = root.get("Segments");
        if (segments == null || !segments.isArray()) {
            throw invalid("INVALID_FIELD", "A SEGMENTS event needs a Segments array.");
        }
        List<TranscriptLine> lines = new ArrayList<>();
        List<JsonNode> categories = new ArrayList<>();
        for (JsonNode segment : segments) {
            if (!segment.isObject() || segment.size() != 1) {
                throw invalid("INVALID_FIELD", "Each element of Segments holds exactly one of Utterance, Transcript, "
                        + "Categories or PostContactSummary.");
            }
            Map.Entry<String, JsonNode> only = segment.fields().next();
            JsonNode body = only.getValue();
            switch (only.getKey()) {
                case "Utterance" -> {
                    String id = requiredId(body, "Id");
                    String text = requiredText(body, "PartialContent");
                    checkLength(text, "PartialContent");
                    lines.add(new TranscriptLine(id, requiredId(body, "TranscriptId"), role(body), text, true,
                            optionalLong(body, "BeginOffsetMillis"), optionalLong(body, "EndOffsetMillis"), null, List.of()));
                }
                case "Transcript" -> {
                    String id = requiredId(body, "Id");
                    String text = requiredText(body, "Content");
                    checkLength(text, "Content");
                    lines.add(new TranscriptLine(id, id, role(body), text, false, optionalLong(body, "BeginOffsetMillis"),
                            optionalLong(body, "EndOffsetMillis"), optionalEnum(body, "Sentiment", SENTIMENTS), List.of()));
                }
                case "Categories" -> categories.add(body);
                case "PostContactSummary" -> {
                    // The summary is for after the call; the live copilot has nothing to do with it.
                }
                default -> throw invalid("INVALID_FIELD", "Unknown segment kind '" + only.getKey() + "'.");
            }
        }
        List<TranscriptSegmentReceived> received = lines.stream()
                .map(line -> withCategories(line, categories))
                .map(line -> new TranscriptSegmentReceived(line, CallContext.EMPTY))
                .toList();
        return new Parsed(sessionId, received);
    }

    /** A final transcript carries the categories whose points of interest overlap it. */
    private TranscriptLine withCategories(TranscriptLine line, List<JsonNode> categories) {
        if (line.partial() || line.beginOffsetMillis() == null || line.endOffsetMillis() == null) {
            return line;
        }
        List<String> matched = new ArrayList<>();
        for (JsonNode category : categories) {
            JsonNode details = category.path("MatchedDetails");
            for (Iterator<String> names = details.fieldNames(); names.hasNext();) {
                String name = names.next();
                for (JsonNode poi : details.path(name).path("PointsOfInterest")) {
                    long begin = poi.path("BeginOffsetMillis").asLong(-1);
                    long end = poi.path("EndOffsetMillis").asLong(-1);
                    if (begin <= line.endOffsetMillis() && end >= line.beginOffsetMillis() && !matched.contains(name)) {
                        matched.add(name);
                    }
                }
            }
        }
        return new TranscriptLine(line.segmentId(), line.transcriptId(), line.speaker(), line.text(), false,
                line.beginOffsetMillis(), line.endOffsetMillis(), line.sentiment(), List.copyOf(matched));
    }

    private String role(JsonNode segment) {
        String role = optionalEnum(segment, "ParticipantRole", SPEAKERS);
        return role == null ? "CUSTOMER" : role;
    }

    private void checkLength(String text, String field) {
        if (text.length() > config.maxTextLength()) {
            throw invalid("INVALID_FIELD", field + " is longer than " + config.maxTextLength() + " characters.");
        }
    }

    private static String sessionId(String value, String field) {
        if (!SessionKeys.validClientId(value)) {
            throw invalid("INVALID_FIELD", field + " must be 1 to 128 letters, digits, '.', '_' or '-'.");
        }
        return value;
    }

    private static String requiredText(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw invalid("MISSING_FIELD", field + " is required.");
        }
        if (!value.isTextual()) {
            throw invalid("INVALID_FIELD", field + " must be a string.");
        }
        if (value.asText().isBlank()) {
            throw invalid("MISSING_FIELD", field + " must not be empty.");
        }
        return value.asText();
    }

    private static String requiredId(JsonNode node, String field) {
        return sessionId(requiredText(node, field), field);
    }

    private static String optionalId(JsonNode node, String field) {
        return node.hasNonNull(field) ? requiredId(node, field) : null;
    }

    private static String optionalEnum(JsonNode node, String field, Set<String> allowed) {
        if (!node.hasNonNull(field)) {
            return null;
        }
        String value = requiredText(node, field).trim().toUpperCase();
        if (!allowed.contains(value)) {
            throw invalid("INVALID_FIELD", field + " must be one of " + allowed + ", not '" + node.get(field).asText() + "'.");
        }
        return value;
    }

    private static String optionalState(JsonNode node) {
        if (!node.hasNonNull("state")) {
            return null;
        }
        String state = requiredText(node, "state").trim().toUpperCase();
        if (!state.matches("[A-Z]{2}")) {
            throw invalid("INVALID_FIELD", "state must be a two-letter US state code, not '" + state + "'.");
        }
        return state;
    }

    private static String optionalPhone(JsonNode node) {
        if (!node.hasNonNull("phone")) {
            return null;
        }
        String phone = requiredText(node, "phone").trim();
        if (phone.length() > 32 || !phone.matches("[+0-9 ().-]+")) {
            throw invalid("INVALID_FIELD", "phone must be a phone number, such as +16025550142.");
        }
        return phone;
    }

    private static Long optionalLong(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.canConvertToLong() || !value.isIntegralNumber() || value.asLong() < 0) {
            throw invalid("INVALID_FIELD", field + " must be a non-negative whole number of milliseconds.");
        }
        return value.asLong();
    }

    private static boolean optionalBoolean(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            throw invalid("INVALID_FIELD", field + " must be true or false.");
        }
        return value.asBoolean();
    }

    private static WebhookRejected invalid(String code, String message) {
        return new WebhookRejected(400, code, message);
    }

    private static String digest(String value) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
