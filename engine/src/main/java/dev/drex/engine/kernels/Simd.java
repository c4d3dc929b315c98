package dev.drex.engine.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * The SIMD switch shared by every kernel: {@code -Ddrex.simd=false} forces the scalar twins
 * everywhere (useful to bisect a numerical difference), and {@link #SPECIES} is the one vector
 * shape the kernels use (16 float lanes on AVX-512, 8 on AVX2).
 *
 * <p>Reproducibility rule for every SIMD kernel: use only operations whose result is fixed to the bit
 * (lanewise +, -, *, /, fma, sqrt, min/max, compare/blend, rearrange, bit reinterpretation), because
 * the Vector API runs a plain-Java fallback before C2 compiles a method and intrinsics after, and
 * anything looser gives different bits depending on the JIT's timing. So no
 * {@code lanewise(EXP / LOG / TANH ...)} (use {@link Transcendentals}) and no
 * {@code reduceLanes(ADD)} on floats, whose order is unspecified (use {@link #sumLanes}).
 * MAX/MIN reductions are exact in any order and may stay.
 */
public final class Simd {

    /** False when the system property {@code drex.simd} is {@code "false"}. */
    public static final boolean ENABLED = !"false".equalsIgnoreCase(System.getProperty("drex.simd"));

    /** The widest float vector the CPU runs natively. */
    public static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;

    private static final int LANES = SPECIES.length();
    /** Lane i -> lane i XOR step: one level of the folding tree of {@link #sumLanes}. */
    private static final VectorShuffle<Float> FOLD_32 = fold(32), FOLD_16 = fold(16), FOLD_8 = fold(8),
            FOLD_4 = fold(4), FOLD_2 = fold(2), FOLD_1 = fold(1);

    static {
        if (LANES > 64) throw new IllegalStateException("sumLanes folds at most 64 float lanes, species has " + LANES);
    }

    private static VectorShuffle<Float> fold(int step) {
        return VectorShuffle.fromOp(SPECIES, i -> step < LANES ? i ^ step : i);
    }

    private Simd() {}

    /**
     * The sum of the lanes of v, added in a fixed pairwise tree: lane i plus lane i + L/2, then
     * i + L/4, ... (for 8 lanes: ((v0+v4) + (v2+v6)) + ((v1+v5) + (v3+v7))). Unlike
     * {@code reduceLanes(ADD)}, whose order is unspecified and differs between the Java fallback and
     * the C2 intrinsic, this gives the same bits however the code runs.
     */
    public static float sumLanes(FloatVector v) {
        if (LANES > 32) v = v.add(v.rearrange(FOLD_32));
        if (LANES > 16) v = v.add(v.rearrange(FOLD_16));
        if (LANES > 8) v = v.add(v.rearrange(FOLD_8));
        if (LANES > 4) v = v.add(v.rearrange(FOLD_4));
        if (LANES > 2) v = v.add(v.rearrange(FOLD_2));
        if (LANES > 1) v = v.add(v.rearrange(FOLD_1));
        return v.lane(0);
    }
}
