package dev.copilotsuite.tools.eval;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code ./copilot eval roi FILE [--out OUT.jsonl]}: replays roi-chat conversations against a running suite
 * through the gateway's socket, the path a browser uses, one fresh session per conversation, and scores
 * every turn as shared/data/roi-chat/README.md defines.
 *
 * <p>Arguments: gateway base URL, bearer token, the file, and optionally the output path.
 */
public final class RoiEval {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: RoiEval GATEWAY_URL TOKEN FILE [OUT.jsonl]");
            System.exit(2);
        }
        String gateway = args[0];
        String token = args[1];
        Path file = Path.of(args[2]);
        Path out = args.length > 3 ? Path.of(args[3]) : null;
        Scores scores = new Scores();
        try (BufferedWriter writer = out == null ? null : Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode conversation = JSON.readTree(line);
                replay(gateway, token, conversation, scores, writer);
            }
        }
        scores.print(System.out);
        System.exit(scores.turns == 0 ? 1 : 0);
    }

    private static void replay(String gateway, String token, JsonNode conversation, Scores scores, BufferedWriter writer)
            throws Exception {
        String id = conversation.path("id").asText();
        String sessionId = "eval-" + id + "-" + UUID.randomUUID().toString().substring(0, 8);
        boolean allPassed = true;
        try (GatewaySocket socket = GatewaySocket.open(gateway, token)) {
            Map<String, Object> before = flatten(socket.join(sessionId));
            int index = 0;
            for (JsonNode turn : conversation.path("turns")) {
                String user = turn.path("user").asText();
                JsonNode expected = turn.path("expected");
                JsonNode result = socket.chat(sessionId, UUID.randomUUID().toString(), user);
                Map<String, Object> after = flatten(socket.join(sessionId));
                boolean passed = scores.score(expected, result, before, after);
                allPassed &= passed;
                if (!passed) {
                    System.out.printf("  miss %s turn %d: %s%n    expected %s%n    got routes=%s ops=%s scenarioOps=%s%n"
                            + "    reply: %s%n", id, index, user, expected, result.path("routes"), result.path("ops"),
                            result.path("scenarioOps"), result.path("reply").asText());
                }
                if (writer != null) {
                    writer.write(JSON.writeValueAsString(line(id, index, user, result, after, gateway, sessionId)));
                    writer.newLine();
                }
                before = after;
                index++;
            }
        }
        scores.conversations++;
        if (allPassed) {
            scores.conversationsPassed++;
        }
    }

    private static ObjectNode line(String id, int turn, String user, JsonNode result, Map<String, Object> inputs,
            String gateway, String sessionId) {
        ObjectNode line = JSON.createObjectNode();
        line.put("id", id);
        line.put("turn", turn);
        line.put("user", user);
        line.set("routes", result.path("routes"));
        line.set("ops", result.path("ops").isMissingNode() ? JSON.createArrayNode() : result.path("ops"));
        line.set("scenarioOps", result.path("scenarioOps").isMissingNode() ? JSON.createArrayNode()
                : result.path("scenarioOps"));
        line.put("error", result.path("error").asBoolean(false));
        line.set("document", result.path("document").isMissingNode() ? JSON.nullNode() : result.path("document"));
        ArrayNode artifacts = JSON.createArrayNode();
        for (JsonNode artifact : result.path("artifacts")) {
            ObjectNode a = JSON.createObjectNode();
            a.put("id", artifact.path("id").asText());
            a.put("title", artifact.path("title").asText());
            a.put("url", artifact.hasNonNull("url") ? artifact.path("url").asText()
                    : gateway + "/api/sessions/" + sessionId + "/artifacts/" + artifact.path("id").asText());
            artifacts.add(a);
        }
        line.set("artifacts", artifacts);
        line.set("inputs", JSON.valueToTree(new TreeMap<>(inputs)));
        line.put("reply", result.path("reply").asText());
        return line;
    }

    /** {@code {humanAgents, buckets: {bucket1: {contactRate}}}} → {@code humanAgents}, {@code buckets.bucket1.contactRate}. */
    static Map<String, Object> flatten(JsonNode inputs) {
        Map<String, Object> flat = new LinkedHashMap<>();
        inputs.fields().forEachRemaining(e -> {
            if (e.getKey().equals("buckets")) {
                e.getValue().fields().forEachRemaining(b -> b.getValue().fields().forEachRemaining(
                        f -> flat.put("buckets." + b.getKey() + "." + f.getKey(), value(f.getValue()))));
            } else {
                flat.put(e.getKey(), value(e.getValue()));
            }
        });
        return flat;
    }

    static Object value(JsonNode node) {
        return node.isNumber() ? (Object) node.asDouble() : node.asText();
    }

    /** The README's scores, per turn. */
    static final class Scores {
        int turns;
        int turnsPassed;
        int routeHits;
        int opsTurns;
        int opsHits;
        int stateTurns;
        int stateHits;
        int mentionTurns;
        int mentionHits;
        int conversations;
        int conversationsPassed;
        final Map<String, int[]> perRoute = new TreeMap<>();

        boolean score(JsonNode expected, JsonNode result, Map<String, Object> before, Map<String, Object> after) {
            turns++;
            boolean passed = true;
            List<String> predicted = new ArrayList<>();
            result.path("routes").forEach(r -> predicted.add(r.asText()));
            boolean route;
            String label;
            if (expected.has("routes")) {
                List<String> want = new ArrayList<>();
                expected.path("routes").forEach(r -> want.add(r.asText()));
                route = new java.util.HashSet<>(want).equals(new java.util.HashSet<>(predicted));
                label = String.join("+", want);
            } else {
                label = expected.path("route").asText();
                route = predicted.size() == 1 && predicted.get(0).equals(label);
            }
            perRoute.computeIfAbsent(label, k -> new int[2])[1]++;
            if (route) {
                routeHits++;
                perRoute.get(label)[0]++;
            }
            passed &= route;
            if (expected.has("ops") || expected.has("scenarioOps")) {
                opsTurns++;
                boolean ops = (!expected.has("ops") || sameOps(expected.path("ops"), result.path("ops")))
                        && (!expected.has("scenarioOps") || sameOps(expected.path("scenarioOps"), result.path("scenarioOps")));
                if (ops) {
                    opsHits++;
                }
                passed &= ops;
            }
            if (expected.has("after") || expected.path("stateUnchanged").asBoolean(false)
                    || expected.path("error").asBoolean(false)) {
                stateTurns++;
                boolean state = true;
                if (expected.has("after")) {
                    var fields = expected.path("after").fields();
                    while (fields.hasNext()) {
                        var e = fields.next();
                        state &= same(value(e.getValue()), after.get(e.getKey()));
                    }
                }
                if (expected.path("stateUnchanged").asBoolean(false) || expected.path("error").asBoolean(false)) {
                    state &= before.equals(after);
                }
                if (expected.path("error").asBoolean(false)) {
                    state &= result.path("error").asBoolean(false);
                }
                if (state) {
                    stateHits++;
                }
                passed &= state;
            }
            if (expected.has("document")) {
                passed &= expected.path("document").asText().equals(result.path("document").asText());
            }
            if (expected.has("mustMention")) {
                mentionTurns++;
                String reply = result.path("reply").asText().toLowerCase(Locale.ROOT);
                boolean all = true;
                for (JsonNode anchor : expected.path("mustMention")) {
                    all &= reply.contains(anchor.asText().toLowerCase(Locale.ROOT));
                }
                if (all) {
                    mentionHits++;
                }
                passed &= all;
            }
            if (passed) {
                turnsPassed++;
            }
            return passed;
        }

        static boolean sameOps(JsonNode want, JsonNode got) {
            List<JsonNode> remaining = new ArrayList<>();
            got.forEach(remaining::add);
            if (remaining.size() != want.size()) {
                return false;
            }
            for (JsonNode w : want) {
                JsonNode match = null;
                for (JsonNode g : remaining) {
                    if (w.path("op").asText().equals(g.path("op").asText())
                            && w.path("path").asText().equals(g.path("path").asText())
                            && same(value(w.path("value")), value(g.path("value")))) {
                        match = g;
                        break;
                    }
                }
                if (match == null) {
                    return false;
                }
                remaining.remove(match);
            }
            return true;
        }

        static boolean same(Object want, Object got) {
            if (want instanceof Double a && got instanceof Double b) {
                return a.equals(b) || Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));
            }
            return want != null && want.equals(got);
        }

        void print(java.io.PrintStream out) {
            out.printf("turns %d, conversations %d%n", turns, conversations);
            out.printf("route accuracy        %s%n", ratio(routeHits, turns));
            perRoute.forEach((route, hits) -> out.printf("  %-22s %s%n", route, ratio(hits[0], hits[1])));
            out.printf("ops exact match       %s%n", ratio(opsHits, opsTurns));
            out.printf("state after           %s%n", ratio(stateHits, stateTurns));
            out.printf("mustMention           %s%n", ratio(mentionHits, mentionTurns));
            out.printf("turns fully correct   %s%n", ratio(turnsPassed, turns));
            out.printf("conversations correct %s%n", ratio(conversationsPassed, conversations));
        }

        private static String ratio(int hits, int total) {
            return total == 0 ? "n/a" : String.format(Locale.ROOT, "%5.1f%% (%d/%d)", 100.0 * hits / total, hits, total);
        }
    }
}
