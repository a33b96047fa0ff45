package dev.copilotsuite.tools.bench;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code ./copilot eval calls FILE [--out OUT.jsonl]}: replays each call of a live-calls file through the
 * real path (signed webhook → Kafka → copilot-service → Kafka → gateway → the agent's socket) and scores
 * what the agent's socket shows, as shared/data/README.md defines the scores.
 *
 * <p>Each case is a fresh call session: the socket joins it first, then its segments are posted in order
 * with the payload's phone, plan, state, contract type and role. The case is read once the transcript
 * holds every segment and the socket has been quiet for a moment: the last {@code suggestion_update}
 * gives the intent and cards, the last {@code customer_update} whether the caller was found.
 *
 * <p>Pairing (the README's "by about and order"): each expected question takes the unpaired card whose
 * item, id and question share the most words with its {@code about} label (plural or singular alike);
 * a label sharing no word with any card takes the next unpaired card in order.
 */
public final class LiveCallEval {

    private static final Duration QUIET = Duration.ofMillis(700);
    private static final Duration DEADLINE = Duration.ofSeconds(30);

    private LiveCallEval() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 4) {
            System.err.println("usage: LiveCallEval GATEWAY_URL TOKEN WEBHOOK_SECRET FILE [--out OUT.jsonl]");
            System.exit(2);
        }
        String gateway = args[0];
        String token = args[1];
        String secret = args[2];
        Path file = Path.of(args[3]);
        Path out = args.length >= 6 && args[4].equals("--out") ? Path.of(args[5]) : null;
        if (!Files.isReadable(file)) {
            System.err.println("eval calls: cannot read " + file);
            System.exit(2);
        }
        List<JsonNode> cases = new ArrayList<>();
        int lineNo = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            try {
                cases.add(CallSocket.JSON.readTree(line));
            } catch (Exception e) {
                System.err.printf("eval calls: %s line %d is not JSON: %s%n", file, lineNo, e.getMessage());
                System.exit(2);
            }
        }

        Score intent = new Score();
        Score found = new Score();
        Score decision = new Score();
        Score evidence = new Score();
        Score recall = new Score();
        try (BufferedWriter writer = out == null ? null : Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            for (JsonNode call : cases) {
                ObjectNode result = replay(gateway, token, secret, call);
                JsonNode expected = call.path("expected");
                intent.add(expected.path("intent").asText(), expected.path("intent").asText().equals(result.path("intent").asText()));
                found.add(expected.path("intent").asText(), expected.path("customerFound").asBoolean() == result.path("customerFound").asBoolean(false)
                        && !result.path("customerFound").isNull());
                List<JsonNode> cards = new ArrayList<>();
                result.path("cards").forEach(cards::add);
                List<JsonNode> paired = pair(expected.path("questions"), cards);
                int q = 0;
                for (JsonNode question : expected.path("questions")) {
                    JsonNode card = paired.get(q++);
                    String want = question.path("decision").asText();
                    decision.add(want, card != null && want.equals(card.path("decision").asText()));
                    JsonNode first = question.path("evidence").path(0);
                    evidence.add(want, card != null && cited(card, first, true));
                    for (JsonNode entry : question.path("evidence")) {
                        recall.add(want, card != null && cited(card, entry, false));
                    }
                }
                if (writer != null) {
                    writer.write(CallSocket.JSON.writeValueAsString(result));
                    writer.newLine();
                }
                System.err.printf("%s: intent %s, found %s, %d cards%n", call.path("id").asText(), result.path("intent").asText(),
                        result.path("customerFound"), cards.size());
            }
        }
        System.out.printf("calls: %d (%s)%n", cases.size(), file);
        System.out.println("intent accuracy     " + intent);
        System.out.println("customer found      " + found);
        System.out.println("decision accuracy   " + decision);
        System.out.println("evidence hit rate   " + evidence);
        System.out.println("evidence recall     " + recall);
    }

    /** One call through the webhook; what the agent's socket showed, in the interfaces.md line shape. */
    static ObjectNode replay(String gateway, String token, String secret, JsonNode call) throws Exception {
        String sessionId = "eval-" + call.path("id").asText("case") + "-" + UUID.randomUUID().toString().substring(0, 8);
        JsonNode suggestions = null;
        JsonNode customer = null;
        try (CallSocket socket = CallSocket.join(gateway, token, sessionId)) {
            JsonNode segments = call.path("segments");
            int n = 0;
            for (JsonNode segment : segments) {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("sessionId", sessionId);
                for (String field : List.of("phone", "plan", "state", "contractType", "role")) {
                    if (call.hasNonNull(field)) {
                        body.put(field, call.get(field).asText());
                    }
                }
                body.put("speaker", segment.path("speaker").asText("CUSTOMER"));
                body.put("text", segment.path("text").asText());
                body.put("segmentId", "s" + n);
                body.put("beginOffsetMillis", n * 5000L);
                CallSocket.post(gateway, secret, body).get();
                n++;
            }
            long deadline = System.nanoTime() + DEADLINE.toNanos();
            int stored = 0;
            while (System.nanoTime() < deadline) {
                CallSocket.Received received = socket.next(stored >= n ? QUIET : Duration.ofMillis(200));
                if (received == null) {
                    if (stored >= n) {
                        break;
                    }
                    stored = CallSocket.storedSegments(gateway, token, sessionId);
                    continue;
                }
                JsonNode message = received.message();
                JsonNode fields = CallSocket.fields(message);
                switch (message.path("type").asText()) {
                    case "suggestion_update":
                        suggestions = fields;
                        break;
                    case "customer_update":
                        customer = fields;
                        break;
                    default:
                        break;
                }
            }
        }
        ObjectNode line = CallSocket.JSON.createObjectNode();
        line.put("id", call.path("id").asText());
        line.put("intent", suggestions == null ? "OTHER" : suggestions.path("intent").asText("OTHER"));
        if (customer == null) {
            line.putNull("customerFound");
        } else {
            line.put("customerFound", customer.path("found").asBoolean());
        }
        ArrayNode cards = line.putArray("cards");
        if (suggestions != null) {
            for (JsonNode card : suggestions.path("cards")) {
                ObjectNode out = cards.addObject();
                out.put("item", card.path("item").asText());
                out.put("cardId", card.path("cardId").asText());
                out.put("question", card.path("question").asText());
                out.put("decision", card.path("decision").asText());
                ArrayNode cited = out.putArray("evidence");
                for (JsonNode entry : card.path("evidence")) {
                    cited.addObject().put("docId", entry.path("docId").asText()).put("section", entry.path("section").asText())
                            .put("item", entry.path("item").asText());
                }
                out.put("script", card.path("script").asText());
                if (card.has("flags")) {
                    out.set("flags", card.get("flags"));
                }
            }
        }
        return line;
    }

    /** Each expected question's card, or null when none is left for it. */
    static List<JsonNode> pair(JsonNode questions, List<JsonNode> cards) {
        List<JsonNode> paired = new ArrayList<>();
        Set<Integer> taken = new HashSet<>();
        for (JsonNode question : questions) {
            Set<String> about = stems(question.path("about").asText());
            int best = -1;
            int bestOverlap = 0;
            for (int i = 0; i < cards.size(); i++) {
                if (taken.contains(i)) {
                    continue;
                }
                JsonNode card = cards.get(i);
                Set<String> words = stems(card.path("item").asText() + " " + card.path("cardId").asText() + " "
                        + card.path("question").asText());
                int overlap = (int) about.stream().filter(words::contains).count();
                if (overlap > bestOverlap) {
                    best = i;
                    bestOverlap = overlap;
                }
            }
            if (best >= 0) {
                taken.add(best);
                paired.add(cards.get(best));
            } else {
                paired.add(null);
            }
        }
        // Labels naming nothing a card says take the unpaired cards in order.
        for (int q = 0, next = 0; q < paired.size(); q++) {
            if (paired.get(q) == null) {
                while (next < cards.size() && taken.contains(next)) {
                    next++;
                }
                if (next < cards.size()) {
                    taken.add(next);
                    paired.set(q, cards.get(next));
                }
            }
        }
        return paired;
    }

    private static final Set<String> STOP = Set.of("the", "a", "an", "and", "of", "or", "is", "my", "to", "for", "from",
            "on", "in", "it", "does", "do", "what", "about", "with", "cover", "covered", "coverage", "plan");

    private static Set<String> stems(String text) {
        Set<String> stems = new HashSet<>();
        for (String word : CallSocket.words(text)) {
            if (word.isEmpty() || STOP.contains(word)) {
                continue;
            }
            stems.add(word.length() > 3 && word.endsWith("s") ? word.substring(0, word.length() - 1) : word);
        }
        return stems;
    }

    /** Whether the card cites the clause: docId and item case-insensitive, the section too when {@code strictSection}. */
    static boolean cited(JsonNode card, JsonNode clause, boolean strictSection) {
        for (JsonNode entry : card.path("evidence")) {
            boolean same = entry.path("docId").asText().equalsIgnoreCase(clause.path("docId").asText())
                    && entry.path("item").asText().equalsIgnoreCase(clause.path("item").asText());
            if (same && (!strictSection || !clause.has("section")
                    || entry.path("section").asText().equalsIgnoreCase(clause.path("section").asText()))) {
                return true;
            }
        }
        return false;
    }

    /** A share of hits, overall and by a label (the expected decision or intent). */
    static final class Score {
        private int hits;
        private int total;
        private final Map<String, int[]> by = new TreeMap<>();

        void add(String label, boolean hit) {
            total++;
            hits += hit ? 1 : 0;
            int[] counts = by.computeIfAbsent(label.toUpperCase(Locale.ROOT), key -> new int[2]);
            counts[0] += hit ? 1 : 0;
            counts[1]++;
        }

        @Override
        public String toString() {
            StringBuilder text = new StringBuilder(percent(hits, total));
            by.forEach((label, counts) -> text.append("  ").append(label).append(' ').append(counts[0]).append('/').append(counts[1]));
            return text.toString();
        }

        private static String percent(int hits, int total) {
            return total == 0 ? "n/a" : String.format(Locale.ROOT, "%5.1f%% (%d/%d)", 100.0 * hits / total, hits, total);
        }
    }
}
