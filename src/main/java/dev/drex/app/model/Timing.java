package dev.drex.app.model;

import java.lang.management.ManagementFactory;
import java.util.EnumMap;
import java.util.Map;

/**
 * Time per phase of a training step, summed over an epoch: what {@code --profile} prints. Each phase gets its
 * wall-clock time (measured by the caller) and the CPU time the whole process used since the previous
 * {@link #add} (phases follow each other, so that is the phase's CPU time, every thread included, JIT and
 * GC too). On a shared machine wall time swells with the load while CPU time does not; with 2 threads a
 * phase that keeps both cores busy shows CPU up to twice its wall time.
 */
public final class Timing {
    /** The phases of a step. */
    public enum Phase { PLAN, REVIEWS, RATINGS_FUSION, FOLDS, HEAD, BACKWARD, OPTIMIZER, VALIDATION }

    private static final com.sun.management.OperatingSystemMXBean OS = ManagementFactory.getPlatformMXBean(
            com.sun.management.OperatingSystemMXBean.class);

    private final EnumMap<Phase, Long> nanos = new EnumMap<>(Phase.class);
    private final EnumMap<Phase, Long> cpuNanos = new EnumMap<>(Phase.class);
    private long lastCpu = processCpuNanos();

    /** Adds {@code ns} of wall time to {@code phase}, and the process CPU time used since the previous call. */
    public void add(Phase phase, long ns) {
        nanos.merge(phase, ns, Long::sum);
        long cpu = processCpuNanos();
        cpuNanos.merge(phase, cpu - lastCpu, Long::sum);
        lastCpu = cpu;
    }

    public long nanos(Phase phase) {
        return nanos.getOrDefault(phase, 0L);
    }

    public long cpuNanos(Phase phase) {
        return cpuNanos.getOrDefault(phase, 0L);
    }

    /** Clears every phase; CPU time is counted from now. */
    public void reset() {
        nanos.clear();
        cpuNanos.clear();
        lastCpu = processCpuNanos();
    }

    /** CPU time of the JVM process so far (all threads), or 0 where the platform does not tell. */
    static long processCpuNanos() {
        return Math.max(0, OS.getProcessCpuTime());
    }

    /** "plan 0.10 s cpu 0.11 (3%)  reviews ...", in phase order; percentages of the wall time. */
    public String summary() {
        long total = 0;
        for (long v : nanos.values()) total += v;
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<Phase, Long> e : nanos.entrySet()) {
            if (!sb.isEmpty()) sb.append("  ");
            sb.append(e.getKey().name().toLowerCase()).append(String.format(" %.2f s cpu %.2f (%.0f%%)", e.getValue() / 1e9,
                    cpuNanos(e.getKey()) / 1e9, total == 0 ? 0.0 : 100.0 * e.getValue() / total));
        }
        return sb.toString();
    }
}
