package dev.drex.app.model;

import java.util.EnumMap;
import java.util.Map;

/** Wall-clock time per phase of a training step, summed over an epoch: what {@code --profile} prints. */
public final class Timing {
    /** The phases of a step. */
    public enum Phase { PLAN, REVIEWS, RATINGS_FUSION, FOLDS, HEAD, BACKWARD, OPTIMIZER, VALIDATION }

    private final EnumMap<Phase, Long> nanos = new EnumMap<>(Phase.class);

    public void add(Phase phase, long ns) {
        nanos.merge(phase, ns, Long::sum);
    }

    public long nanos(Phase phase) {
        return nanos.getOrDefault(phase, 0L);
    }

    public void reset() {
        nanos.clear();
    }

    /** "plan 0.10 s (3%)  reviews ...", in phase order. */
    public String summary() {
        long total = 0;
        for (long v : nanos.values()) total += v;
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<Phase, Long> e : nanos.entrySet()) {
            if (!sb.isEmpty()) sb.append("  ");
            sb.append(e.getKey().name().toLowerCase()).append(String.format(" %.2f s (%.0f%%)", e.getValue() / 1e9,
                    total == 0 ? 0.0 : 100.0 * e.getValue() / total));
        }
        return sb.toString();
    }
}
