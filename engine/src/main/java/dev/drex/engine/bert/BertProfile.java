package dev.drex.engine.bert;

import java.util.EnumMap;
import java.util.Map;

/**
 * Where a forward pass spends its time, per phase, when {@code -Ddrex.bert.profile=true};
 * otherwise every call is a no-op on a constant-false branch. Both wall time and process CPU time
 * (every thread) are charged: on a shared, oversubscribed machine the CPU time is the stable one.
 * Accumulates across forwards until {@link #reset}; {@link #report} prints milliseconds and shares.
 */
public final class BertProfile {

    /** The phases of {@link BertModel#forward}. */
    public enum Phase { EMBED, QKV_GEMM, QKV_BIAS, ATTENTION, OUT_GEMM, ADD_NORM, FFN1_GEMM, BIAS_GELU, FFN2_GEMM, POOL_COPY }

    static final boolean ENABLED = Boolean.getBoolean("drex.bert.profile");

    private static final long[] NANOS = new long[Phase.values().length];
    private static final long[] CPU_NANOS = new long[Phase.values().length];
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    private static long last, lastCpu;

    private BertProfile() {}

    /** Starts timing (the first phase begins now). */
    static void start() {
        if (ENABLED) {
            last = System.nanoTime();
            lastCpu = OS.getProcessCpuTime();
        }
    }

    /** Charges the time since the previous mark to {@code phase}. */
    static void mark(Phase phase) {
        if (ENABLED) {
            long now = System.nanoTime(), cpu = OS.getProcessCpuTime();
            NANOS[phase.ordinal()] += now - last;
            CPU_NANOS[phase.ordinal()] += cpu - lastCpu;
            last = now;
            lastCpu = cpu;
        }
    }

    public static boolean enabled() {
        return ENABLED;
    }

    public static synchronized void reset() {
        java.util.Arrays.fill(NANOS, 0);
        java.util.Arrays.fill(CPU_NANOS, 0);
    }

    /** Milliseconds per phase so far. */
    public static synchronized Map<Phase, Double> millis() {
        Map<Phase, Double> m = new EnumMap<>(Phase.class);
        for (Phase p : Phase.values()) m.put(p, NANOS[p.ordinal()] / 1e6);
        return m;
    }

    /** One line per phase: wall and CPU milliseconds and their shares of the totals. */
    public static synchronized String report() {
        double wall = 0, cpu = 0;
        for (int i = 0; i < NANOS.length; i++) {
            wall += NANOS[i];
            cpu += CPU_NANOS[i];
        }
        StringBuilder sb = new StringBuilder(String.format("%-10s %12s %6s %12s %6s%n", "phase", "wall ms", "%", "cpu ms", "%"));
        for (Phase p : Phase.values()) {
            int i = p.ordinal();
            sb.append(String.format("%-10s %12.1f %5.1f%% %12.1f %5.1f%%%n", p, NANOS[i] / 1e6, 100 * NANOS[i] / wall,
                    CPU_NANOS[i] / 1e6, 100 * CPU_NANOS[i] / cpu));
        }
        return sb.toString();
    }
}
