package dev.drex.engine.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The SIMD switch shared by every kernel: {@code -Ddrex.simd=false} forces the scalar twins
 * everywhere (useful to bisect a numerical difference), and {@link #SPECIES} is the one vector
 * shape the kernels use (16 float lanes on AVX-512, 8 on AVX2).
 */
public final class Simd {

    /** False when the system property {@code drex.simd} is {@code "false"}. */
    public static final boolean ENABLED = !"false".equalsIgnoreCase(System.getProperty("drex.simd"));

    /** The widest float vector the CPU runs natively. */
    public static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;

    private Simd() {}
}
