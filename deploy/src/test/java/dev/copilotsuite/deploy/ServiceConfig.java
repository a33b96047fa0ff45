package dev.copilotsuite.deploy;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import dev.copilotsuite.events.Topics;

/**
 * What one service reads, as its production profile sees it: the shared microprofile-config.properties of
 * libs/platform overridden by the service's application.properties (profile-specific keys such as
 * {@code %test.} are left out), the environment variables its values name, and the Kafka channels its
 * code consumes and produces.
 */
record ServiceConfig(String module, String applicationName, Map<String, String> properties, List<EnvRef> envRefs,
        List<Consumer> consumers, Set<String> topicsUsed) {

    /** An environment variable named in a property value, as {@code ${NAME}} or {@code ${NAME:default}}. */
    record EnvRef(String name, String defaultValue, String property) {

        boolean hasDefault() {
            return defaultValue != null;
        }

        /**
         * Must a Deployment set it? When it has no default, or when its default names the loopback
         * interface: a local run's Kafka, MongoDB or neighbour service is never on a pod's own loopback.
         */
        boolean required() {
            return defaultValue == null || defaultValue.contains("127.0.0.1") || defaultValue.contains("localhost");
        }
    }

    /** A consumed channel: its topic, consumer group and consumers per pod. */
    record Consumer(String topic, String group, int concurrency) {

        /** A group with a per-replica part (${quarkus.uuid}) is a broadcast: every replica reads every partition. */
        boolean sharedGroup() {
            return !group.contains("${");
        }
    }

    private static final Pattern ENV_NAME = Pattern.compile("[A-Z][A-Z0-9_]*");
    private static final Pattern INCOMING = Pattern.compile("@Incoming\\(\\s*(?:Topics\\.([A-Z_]+)|\"([^\"]+)\")\\s*\\)");
    private static final Pattern CHANNEL = Pattern.compile("@(?:Channel|Outgoing|Incoming)\\(\\s*(?:Topics\\.([A-Z_]+)|\"([^\"]+)\")\\s*\\)");

    static ServiceConfig read(Path module) {
        Map<String, String> properties = new TreeMap<>();
        properties.putAll(load(Repo.read(Repo.SHARED_CONFIG)));
        properties.putAll(load(Repo.read(module.resolve("src/main/resources/application.properties"))));
        String name = properties.getOrDefault("quarkus.application.name", module.getFileName().toString());
        List<EnvRef> refs = new ArrayList<>();
        properties.forEach((key, value) -> envRefs(value, key, refs));
        String sources = javaSources(module.resolve("src/main/java"));
        List<Consumer> consumers = new ArrayList<>();
        Matcher incoming = INCOMING.matcher(sources);
        while (incoming.find()) {
            String channel = channel(incoming.group(1), incoming.group(2));
            String prefix = "mp.messaging.incoming.\"" + channel + "\".";
            consumers.add(new Consumer(properties.getOrDefault(prefix + "topic", channel),
                    properties.getOrDefault(prefix + "group.id", name),
                    Integer.parseInt(properties.getOrDefault(prefix + "concurrency", "1"))));
        }
        Set<String> used = new LinkedHashSet<>();
        Matcher channels = CHANNEL.matcher(sources);
        while (channels.find()) {
            String channel = channel(channels.group(1), channels.group(2));
            used.add(properties.getOrDefault("mp.messaging.incoming.\"" + channel + "\".topic",
                    properties.getOrDefault("mp.messaging.outgoing.\"" + channel + "\".topic", channel)));
        }
        return new ServiceConfig(module.getFileName().toString(), name, properties, List.copyOf(refs), List.copyOf(consumers),
                used);
    }

    /** The HTTP port the service listens on with this environment. */
    int port(Map<String, String> env) {
        String port = resolve(properties.getOrDefault("quarkus.http.port", "8080"), env);
        return Integer.parseInt(port);
    }

    /** A property's value with this environment, the way SmallRye Config expands it. */
    String resolve(String value, Map<String, String> env) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        int start;
        while ((start = value.indexOf("${", at)) >= 0) {
            int end = closing(value, start + 2);
            out.append(value, at, start);
            String inner = value.substring(start + 2, end);
            int colon = topLevelColon(inner);
            String name = colon < 0 ? inner : inner.substring(0, colon);
            String fallback = colon < 0 ? null : inner.substring(colon + 1);
            String found = ENV_NAME.matcher(name).matches() ? env.get(name) : properties.get(name);
            if (found == null && fallback == null) {
                throw new IllegalArgumentException(name + " is not set and has no default");
            }
            out.append(resolve(found != null ? found : fallback, env));
            at = end + 1;
        }
        return out.append(value.substring(at)).toString();
    }

    static Map<String, String> load(String text) {
        Properties loaded = new Properties();
        try {
            loaded.load(new StringReader(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> active = new LinkedHashMap<>();
        loaded.stringPropertyNames().stream().filter(key -> !key.startsWith("%"))
                .forEach(key -> active.put(key, loaded.getProperty(key)));
        return active;
    }

    /** Every ${ENV_NAME...} in a value, nested defaults included. Property references (lower case, dotted) are not env. */
    static void envRefs(String value, String property, List<EnvRef> out) {
        int at = 0;
        int start;
        while ((start = value.indexOf("${", at)) >= 0) {
            int end = closing(value, start + 2);
            String inner = value.substring(start + 2, end);
            int colon = topLevelColon(inner);
            String name = colon < 0 ? inner : inner.substring(0, colon);
            String fallback = colon < 0 ? null : inner.substring(colon + 1);
            if (ENV_NAME.matcher(name).matches()) {
                out.add(new EnvRef(name, fallback, property));
            }
            if (fallback != null) {
                envRefs(fallback, property, out);
            }
            at = end + 1;
        }
    }

    private static int closing(String value, int from) {
        int depth = 0;
        for (int i = from; i < value.length(); i++) {
            if (value.startsWith("${", i)) {
                depth++;
                i++;
            } else if (value.charAt(i) == '}') {
                if (depth == 0) {
                    return i;
                }
                depth--;
            }
        }
        throw new IllegalArgumentException("unclosed ${ in " + value);
    }

    private static int topLevelColon(String inner) {
        int depth = 0;
        for (int i = 0; i < inner.length(); i++) {
            if (inner.startsWith("${", i)) {
                depth++;
                i++;
            } else if (inner.charAt(i) == '}') {
                depth--;
            } else if (inner.charAt(i) == ':' && depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private static String channel(String constant, String literal) {
        if (constant == null) {
            return literal;
        }
        String topic = topicConstants().get(constant);
        if (topic == null) {
            throw new IllegalStateException("Topics." + constant + " is not a constant of Topics.java");
        }
        return topic;
    }

    /** Topics.java's constants, by field name, read by reflection. */
    static Map<String, String> topicConstants() {
        Map<String, String> constants = new TreeMap<>();
        for (Field field : Topics.class.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && Modifier.isPublic(field.getModifiers())
                    && field.getType() == String.class) {
                try {
                    constants.put(field.getName(), (String) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return constants;
    }

    private static String javaSources(Path dir) {
        if (!Files.isDirectory(dir)) {
            return "";
        }
        try (Stream<Path> files = Files.walk(dir)) {
            StringBuilder all = new StringBuilder();
            files.filter(file -> file.toString().endsWith(".java")).sorted().forEach(file -> all.append(Repo.read(file)).append('\n'));
            return all.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
