package dev.drex.engine.kernels;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;
/** SIMD switch: -Ddrex.simd=false forces every kernel onto its scalar twin. */
public final class Simd {
    private Simd() {}
    /** False when the system property drex.simd is "false". */
    public static final boolean ENABLED = !"false".equalsIgnoreCase(System.getProperty("drex.simd"));
    /** The preferred float species of this CPU. */
    public static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
}
