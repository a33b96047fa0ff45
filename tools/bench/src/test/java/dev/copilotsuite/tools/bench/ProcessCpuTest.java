package dev.copilotsuite.tools.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The bench's count of hand-offs: a thread of this JVM going to sleep is seen, once each time. */
class ProcessCpuTest {

    @Test
    void countsEachTimeAThreadGoesToSleep() throws Exception {
        int sleeps = 200;
        ProcessCpu self = ProcessCpu.of("self=" + ProcessHandle.current().pid());
        for (int i = 0; i < sleeps; i++) {
            Thread.sleep(1); // the thread leaves the CPU: one voluntary switch, at least
        }
        ProcessCpu.Switches switches = self.switchesSince();
        assertTrue(switches.voluntary() >= sleeps, "voluntary switches: " + switches.voluntary());
        assertTrue(switches.all() >= switches.voluntary(), "all switches include the voluntary ones: " + switches.all());
    }
}
