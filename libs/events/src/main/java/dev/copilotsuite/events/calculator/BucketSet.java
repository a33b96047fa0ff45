package dev.copilotsuite.events.calculator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** One value per delinquency bucket, {@code bucket1} (1-30 days) to {@code bucket4} (91-120 days). */
public record BucketSet<T>(T bucket1, T bucket2, T bucket3, T bucket4) {

    public static final List<String> NAMES = List.of("bucket1", "bucket2", "bucket3", "bucket4");

    public T get(String name) {
        return switch (name) {
            case "bucket1" -> bucket1;
            case "bucket2" -> bucket2;
            case "bucket3" -> bucket3;
            case "bucket4" -> bucket4;
            default -> throw new IllegalArgumentException("unknown bucket: " + name);
        };
    }

    public BucketSet<T> with(String name, T value) {
        return switch (name) {
            case "bucket1" -> new BucketSet<>(value, bucket2, bucket3, bucket4);
            case "bucket2" -> new BucketSet<>(bucket1, value, bucket3, bucket4);
            case "bucket3" -> new BucketSet<>(bucket1, bucket2, value, bucket4);
            case "bucket4" -> new BucketSet<>(bucket1, bucket2, bucket3, value);
            default -> throw new IllegalArgumentException("unknown bucket: " + name);
        };
    }

    public <R> BucketSet<R> map(Function<T, R> f) {
        return new BucketSet<>(f.apply(bucket1), f.apply(bucket2), f.apply(bucket3), f.apply(bucket4));
    }

    public List<T> values() {
        return List.of(bucket1, bucket2, bucket3, bucket4);
    }

    public Map<String, T> asMap() {
        Map<String, T> map = new LinkedHashMap<>();
        NAMES.forEach(name -> map.put(name, get(name)));
        return map;
    }
}
