package dev.drex.engine.bert;

/**
 * Where a {@link BertModel} keeps its linear weights (Q, K, V, attention output, FFN, pooler); the
 * product is the same in all three, only the memory and the per-forward work differ
 * (bench/README.md has the measurements).
 */
public enum BertWeightStorage {

    /**
     * Read in place from the memory-mapped {@code model.safetensors}: every GEMM packs the panels
     * it needs from the mapping into small per-thread buffers. No heap copy, no extra file, but the
     * packing is repeated in every forward.
     */
    MAPPED,

    /**
     * Packed once into the kernel's panel order in a sidecar file ({@link PackedWeightsFile}),
     * written atomically next to the weights (or in a chosen directory), checked against the
     * source's size, modification time and CRC-32C on every load and rebuilt when stale; the file is
     * memory-mapped and the GEMMs read it in place. No heap copy and no packing per forward. The
     * default; falls back to {@link #MAPPED} when the sidecar cannot be written.
     */
    PACKED_FILE,

    /** Packed once at load onto the Java heap (bert-base: 340 MB): no packing per forward, one heap copy. */
    HEAP
}
