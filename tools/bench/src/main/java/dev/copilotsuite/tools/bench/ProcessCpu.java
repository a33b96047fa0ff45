package dev.copilotsuite.tools.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A process's CPU time by thread group (JIT compiler threads, GC threads, the rest), in clock ticks (USER_HZ, 100
 * a second on Linux), from {@code /proc/<pid>/task/<tid>/stat}, and its threads' context switches, from
 * {@code /proc/<pid>/task/<tid>/status}: taken when made, reported as the difference. A voluntary switch is a
 * thread going to sleep to wait (for work, a lock, I/O), so it counts the hand-offs: each is a wake-up later.
 */
record ProcessCpu(String name, String pid, Map<String, Long> before) {

    private static final String SWITCHES = "switches";
    private static final String VOLUNTARY = "voluntary";

    static ProcessCpu of(String arg) throws IOException {
        int eq = arg.indexOf('=');
        if (eq < 1) {
            throw new IllegalArgumentException("a process to measure is name=pid, not " + arg);
        }
        String pid = arg.substring(eq + 1);
        return new ProcessCpu(arg.substring(0, eq), pid, counters(pid));
    }

    /** Prints what the process spent since it was taken, in all and per {@code unit} of {@code count}. */
    void report(int count, String unit) throws IOException {
        Map<String, Long> after = counters(pid);
        long total = 0;
        StringBuilder groups = new StringBuilder();
        for (String group : List.of("jit", "gc", "other")) {
            long spent = after.getOrDefault(group, 0L) - before.getOrDefault(group, 0L);
            total += spent;
            groups.append(String.format("  %s %.2f s (%.3f ms/%s)", group, spent / 100.0, spent * 10.0 / count, unit));
        }
        System.out.printf("  cpu %s: %.2f s, %.3f ms/%s;%s  switches %.1f/%s (voluntary %.1f)%n", name, total / 100.0,
                total * 10.0 / count, unit, groups, spent(after, SWITCHES) / (double) count, unit,
                spent(after, VOLUNTARY) / (double) count);
    }

    /** The context switches of the process's live threads since it was taken. */
    Switches switchesSince() throws IOException {
        Map<String, Long> after = counters(pid);
        return new Switches(spent(after, VOLUNTARY), spent(after, SWITCHES));
    }

    /** @param voluntary threads going to sleep to wait; @param all those and the preempted ones */
    record Switches(long voluntary, long all) {
    }

    private long spent(Map<String, Long> after, String key) {
        return after.getOrDefault(key, 0L) - before.getOrDefault(key, 0L);
    }

    /**
     * Per live thread, its utime + stime in ticks summed by group, and its context switches summed under
     * {@link #SWITCHES} and {@link #VOLUNTARY}; a thread that ended meanwhile is not counted.
     */
    static Map<String, Long> counters(String pid) throws IOException {
        Map<String, Long> counters = new HashMap<>();
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
                counters.merge(group, spent, Long::sum);
                switches(task, counters);
            }
        }
        return counters;
    }

    private static void switches(Path task, Map<String, Long> into) {
        List<String> status;
        try {
            status = Files.readAllLines(task.resolve("status"));
        } catch (IOException gone) {
            return;
        }
        for (String line : status) {
            if (line.startsWith("voluntary_ctxt_switches:")) {
                long voluntary = Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
                into.merge(VOLUNTARY, voluntary, Long::sum);
                into.merge(SWITCHES, voluntary, Long::sum);
            } else if (line.startsWith("nonvoluntary_ctxt_switches:")) {
                into.merge(SWITCHES, Long.parseLong(line.substring(line.indexOf(':') + 1).trim()), Long::sum);
            }
        }
    }
}
