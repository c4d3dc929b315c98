package dev.drex.engine.nn;

import dev.drex.engine.autograd.Op;
import dev.drex.engine.kernels.Elementwise;
import dev.drex.engine.kernels.Gemm;
import dev.drex.engine.tensor.Tensor;

/**
 * One GRU step as a single graph node with a hand-written backward: the recurrent part of
 * {@link GruCell} after the input projection. Same math as the composed ops (and tested equal to them).
 *
 * <pre>
 *   xp (B, 3H) = [x W_z^T + b_z | x W_g^T + b_g | x W_c^T + b_c],  h (B, H),
 *   rzg (2H, H) = [R_z; R_g],  rc (H, H),  mask (B) of 0/1 or null  ->  h' (B, H)
 *
 *   [a_z | a_g] = h rzg^T                          (one GEMM)
 *   s = sigm(xp_z + a_z),  z = m s,  g = sigm(xp_g + a_g)   (m the row's mask, 1 when none)
 *   c = tanh(xp_c + (g * h) rc^T)                   (one GEMM)
 *   h' = h + z (c - h)
 *
 * backward, from dh':
 *   dz = dh' (c - h);  dc = dh' z;  dh = dh' (1 - z)
 *   dc_pre = dc (1 - c^2);   d(g h) = dc_pre rc;   d rc += dc_pre^T (g h)
 *   dg = d(g h) * h;  dh += d(g h) * g
 *   dz_pre = dz m s (1 - s);  dg_pre = dg g (1 - g)
 *   dxp += [dz_pre | dg_pre | dc_pre];  dh += [dz_pre | dg_pre] rzg;  d rzg += [dz_pre | dg_pre]^T h
 * </pre>
 *
 * The gate arithmetic runs row by row through the SIMD {@link Elementwise} kernels (sigmoid, tanh).
 * Saved for backward: the gates s (unmasked), g, c and the product g*h, (B, 4H) floats in all.
 */
final class GruStepOp extends Op {
    private final int batch, hidden;
    private final float[] mask;
    private float[] gates; // (B, 4H): [s_z | g | c | g*h] per row, s_z the unmasked update gate

    private GruStepOp(Tensor xp, Tensor h, Tensor rzg, Tensor rc, float[] mask, float[] gates, int batch, int hidden) {
        super(xp, h, rzg, rc);
        this.mask = mask;
        this.gates = gates;
        this.batch = batch;
        this.hidden = hidden;
    }

    /** See the class comment; {@code mask} (length B, entries 0 or 1) may be null. Shapes are checked by the caller. */
    static Tensor apply(Tensor xp, Tensor h, Tensor rzg, Tensor rc, float[] mask) {
        int b = h.dim(0), hs = h.dim(1);
        float[] hd = h.data();
        int ho = h.offset();
        float[] xd = xp.data();
        int xo = xp.offset();
        // pre-activations: [a_z | a_g] = h rzg^T  (B, 2H)
        float[] pre = new float[b * 2 * hs];
        Gemm.sgemm(false, true, b, 2 * hs, hs, 1f, hd, ho, hs, rzg.data(), rzg.offset(), hs, 0f, pre, 0, 2 * hs);
        float[] gates = new float[b * 4 * hs];
        for (int r = 0; r < b; r++) {
            int p = r * 2 * hs, q = r * 4 * hs, xr = xo + r * 3 * hs, hr = ho + r * hs;
            Elementwise.add(xd, xr, pre, p, pre, p, 2 * hs);                  // [z_pre | g_pre]
            Elementwise.sigmoid(pre, p, gates, q, 2 * hs);                    // [s | g]
            Elementwise.mul(gates, q + hs, hd, hr, gates, q + 3 * hs, hs);    // g * h
        }
        // candidate pre-activation: (g h) rc^T  (B, H), into pre's first B*H floats
        Gemm.sgemm(false, true, b, hs, hs, 1f, gates, 3 * hs, 4 * hs, rc.data(), rc.offset(), hs, 0f, pre, 0, hs);
        Tensor out = Tensor.zeros(b, hs);
        float[] od = out.data();
        for (int r = 0; r < b; r++) {
            int q = r * 4 * hs, xr = xo + r * 3 * hs, hr = ho + r * hs, o = r * hs;
            Elementwise.add(xd, xr + 2 * hs, pre, o, pre, o, hs);
            Elementwise.tanh(pre, o, gates, q + 2 * hs, hs);                  // c
            // h' = h + m s (c - h)
            Elementwise.sub(gates, q + 2 * hs, hd, hr, od, o, hs);
            Elementwise.mul(od, o, gates, q, od, o, hs);
            if (mask != null && mask[r] != 1f) Elementwise.scale(od, o, mask[r], od, o, hs);
            Elementwise.add(od, o, hd, hr, od, o, hs);
        }
        return Op.recording(xp, h, rzg, rc) ? out.recordedBy(new GruStepOp(xp, h, rzg, rc, mask, gates, b, hs)) : out;
    }

    @Override
    protected void backward(Tensor out) {
        Tensor xp = inputs[0], h = inputs[1], rzg = inputs[2], rc = inputs[3];
        int b = batch, hs = hidden;
        float[] dy = out.grad();
        float[] hd = h.data();
        int ho = h.offset();
        float[] dpre = new float[b * 3 * hs]; // [dz_pre | dg_pre | dc_pre]
        float[] dhOut = new float[b * hs];     // dh, accumulated
        for (int r = 0; r < b; r++) {
            int q = r * 4 * hs, d = r * 3 * hs, hr = ho + r * hs;
            float m = mask == null ? 1f : mask[r];
            for (int j = 0; j < hs; j++) {
                float s = gates[q + j], c = gates[q + 2 * hs + j], hv = hd[hr + j], g = dy[r * hs + j];
                float z = m * s;
                dhOut[r * hs + j] = g * (1 - z);
                dpre[d + j] = g * (c - hv) * m * s * (1 - s);
                dpre[d + 2 * hs + j] = g * z * (1 - c * c);
            }
        }
        // d(g h) = dc_pre rc  (B, H)
        float[] dgh = new float[b * hs];
        Gemm.sgemm(false, false, b, hs, hs, 1f, dpre, 2 * hs, 3 * hs, rc.data(), rc.offset(), hs, 0f, dgh, 0, hs);
        if (rc.requiresGrad()) {
            // d rc += dc_pre^T (g h)  (H, H)
            Gemm.sgemm(true, false, hs, hs, b, 1f, dpre, 2 * hs, 3 * hs, gates, 3 * hs, 4 * hs, 1f, rc.grad(), 0, hs);
        }
        for (int r = 0; r < b; r++) {
            int q = r * 4 * hs, d = r * 3 * hs, hr = ho + r * hs;
            for (int j = 0; j < hs; j++) {
                float g = gates[q + hs + j], dghv = dgh[r * hs + j];
                dhOut[r * hs + j] += dghv * g;
                dpre[d + hs + j] = dghv * hd[hr + j] * g * (1 - g);
            }
        }
        if (rzg.requiresGrad()) {
            // d rzg += [dz_pre | dg_pre]^T h  (2H, H)
            Gemm.sgemm(true, false, 2 * hs, hs, b, 1f, dpre, 0, 3 * hs, hd, ho, hs, 1f, rzg.grad(), 0, hs);
        }
        if (h.requiresGrad()) {
            // dh += [dz_pre | dg_pre] rzg  (B, H)
            Gemm.sgemm(false, false, b, hs, 2 * hs, 1f, dpre, 0, 3 * hs, rzg.data(), rzg.offset(), hs, 1f, dhOut, 0, hs);
            float[] gh = h.grad();
            for (int i = 0; i < dhOut.length; i++) gh[i] += dhOut[i];
        }
        if (xp.requiresGrad()) {
            float[] gx = xp.grad();
            for (int i = 0; i < dpre.length; i++) gx[i] += dpre[i];
        }
    }

    @Override
    protected void release() {
        super.release();
        gates = null;
    }
}
