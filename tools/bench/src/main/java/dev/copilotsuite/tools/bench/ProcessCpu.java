package dev.copilotsuite.tools.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A process's CPU time by thread group (JIT compiler threads, GC threads, the rest), in clock ticks (USER_HZ, 100
 * a second on Linux), from {@code /proc/<pid>/task/<tid>/stat}: taken when made, reported as the difference.
 */
record ProcessCpu(String name, String pid, Map<String, Long> before) {

    static ProcessCpu of(String arg) throws IOException {
        int eq = arg.indexOf('=');
        if (eq < 1) {
            throw new IllegalArgumentException("a process to measure is name=pid, not " + arg);
        }
        String pid = arg.substring(eq + 1);
        return new ProcessCpu(arg.substring(0, eq), pid, ticks(pid));
    }

    /** Prints what the process spent since it was taken, in all and per {@code unit} of {@code count}. */
    void report(int count, String unit) throws IOException {
        Map<String, Long> after = ticks(pid);
        long total = 0;
        StringBuilder groups = new StringBuilder();
        for (String group : List.of("jit", "gc", "other")) {
            long spent = after.getOrDefault(group, 0L) - before.getOrDefault(group, 0L);
            total += spent;
            groups.append(String.format("  %s %.2f s (%.3f ms/%s)", group, spent / 100.0, spent * 10.0 / count, unit));
        }
        System.out.printf("  cpu %s: %.2f s, %.3f ms/%s;%s%n", name, total / 100.0, total * 10.0 / count, unit, groups);
    }

    /** utime + stime of each live thread, summed by group; a thread that ended meanwhile is not counted. */
    static Map<String, Long> ticks(String pid) throws IOException {
        Map<String, Long> ticks = new HashMap<>();
        try (var tasks = Files.list(Path.of("/proc", pid, "task"))) {
            for (Path task : tasks.toList()) {
                String stat;
                try {
                    stat = Files.readString(task.resolve("stat"));
                } catch (IOException gone) {
                    continue;
                }
                // The thread's name is in parentheses and may hold spaces: the fields start after the last ')'.
                String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                long spent = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                String group = name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler") ? "jit"
                        : name.startsWith("GC Thread") || name.startsWith("G1 ") || name.equals("VM Thread") ? "gc" : "other";
                ticks.merge(group, spent, Long::sum);
            }
        }
        return ticks;
    }
}
