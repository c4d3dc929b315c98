package dev.drex.engine.ops;

import static dev.drex.engine.testing.TestTensors.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.drex.engine.tensor.Init;
import dev.drex.engine.tensor.Tensor;
import dev.drex.engine.testing.GradCheck;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** Whole graphs built from F ops only: a 2-layer MLP with MSE loss, and a 5-step GRU fold (spec DREX.md, "GRU folds"). */
class CompositionGradTest {

    @Test
    void twoLayerMlpWithMseLoss() {
        // x (6,4) -> linear 4->5 -> relu -> linear 5->1 -> mse against t (6,1)
        RandomGenerator rng = Init.rng(70);
        Tensor x, w1, b1, w2, b2, t;
        int attempts = 0;
        do { // keep every hidden pre-activation > 0.15 from relu's kink, far beyond the stencil's reach (2h * |input|)
            x = param(rng, -1, 1, 6, 4);
            w1 = param(rng, -0.8, 0.8, 5, 4);
            b1 = param(rng, -0.5, 0.5, 5);
            attempts++;
        } while (minAbs(F.linear(x.detach(), w1.detach(), b1.detach())) < 0.15 && attempts < 1000);
        assertTrue(minAbs(F.linear(x.detach(), w1.detach(), b1.detach())) >= 0.15, "no kink-free draw found");
        w2 = param(rng, -1, 1, 1, 5);
        b2 = param(rng, -0.5, 0.5, 1);
        t = uniform(rng, -1, 1, 6, 1);
        Tensor target = t;
        var r = GradCheck.check("mlp linear-relu-linear-mse", in ->
                F.mseLoss(F.linear(F.relu(F.linear(in[0], in[1], in[2])), in[3], in[4]), target), x, w1, b1, w2, b2);
        assertEquals(6 * 4 + 5 * 4 + 5 + 5 + 1, r.elements());
        // the loss itself against a double-precision forward
        double loss = 0;
        for (int i = 0; i < 6; i++) {
            double out = b2.data()[0];
            for (int h = 0; h < 5; h++) {
                double pre = b1.data()[h];
                for (int k = 0; k < 4; k++) pre += (double) x.get(i, k) * w1.get(h, k);
                out += Math.max(pre, 0) * w2.get(0, h);
            }
            loss += Math.pow(out - t.get(i, 0), 2) / 6;
        }
        assertEquals(loss, F.mseLoss(F.linear(F.relu(F.linear(x, w1, b1)), w2, b2), t).item(), 1e-5);
    }

    private static double minAbs(Tensor t) {
        double m = Double.POSITIVE_INFINITY;
        for (float v : t.toArray()) m = Math.min(m, Math.abs(v));
        return m;
    }

    /**
     * One GRU step, spec DREX.md: z = sigm(W_z x + R_z h + b_z), g = sigm(W_g x + R_g h + b_g),
     * c = tanh(W_c x + R_c (g * h) + b_c), h' = (1 - z) * h + z * c. x (B,IN), h (B,D).
     */
    static Tensor gruStep(Tensor x, Tensor h, Tensor[] p) {
        Tensor z = F.sigmoid(F.add(F.linear(x, p[0], p[2]), F.linear(h, p[1], null)));
        Tensor g = F.sigmoid(F.add(F.linear(x, p[3], p[5]), F.linear(h, p[4], null)));
        Tensor c = F.tanh(F.add(F.linear(x, p[6], p[8]), F.linear(F.mul(g, h), p[7], null)));
        return F.add(F.mul(F.addScalar(F.neg(z), 1f), h), F.mul(z, c));
    }

    /** h_T of the fold over xs (T,B,IN) from h0 (B,D); p = {W_z, R_z, b_z, W_g, R_g, b_g, W_c, R_c, b_c}. */
    static Tensor gruFold(Tensor xs, Tensor h0, Tensor[] p) {
        Tensor h = h0;
        int steps = xs.dim(0), batch = xs.dim(1), in = xs.dim(2);
        for (int s = 0; s < steps; s++) h = gruStep(F.slice(xs, 0, s, s + 1).reshape(batch, in), h, p);
        return h;
    }

    @Test
    void fiveStepGruFoldGradientsForAllWeightsInitialStateAndInputs() {
        RandomGenerator rng = Init.rng(71);
        int d = 3, in = 4, batch = 2, steps = 5;
        Tensor[] inputs = new Tensor[11];
        for (int gate = 0; gate < 3; gate++) {
            inputs[3 * gate] = param(rng, -0.7, 0.7, d, in).name("W" + "zgc".charAt(gate));
            inputs[3 * gate + 1] = param(rng, -0.7, 0.7, d, d).name("R" + "zgc".charAt(gate));
            inputs[3 * gate + 2] = param(rng, -0.3, 0.3, d).name("b" + "zgc".charAt(gate));
        }
        inputs[9] = param(rng, -1, 1, batch, d).name("h0");
        inputs[10] = param(rng, -1, 1, steps, batch, in).name("x");
        var r = GradCheck.check("gru fold 5 steps", t -> {
            Tensor[] p = java.util.Arrays.copyOf(t, 9);
            return gruFold(t[10], t[9], p);
        }, inputs);
        assertEquals(3 * (d * in + d * d + d) + batch * d + steps * batch * in, r.elements());

        // forward against a double-precision fold
        double[][] h = new double[batch][d];
        for (int b = 0; b < batch; b++) for (int j = 0; j < d; j++) h[b][j] = inputs[9].get(b, j);
        for (int s = 0; s < steps; s++) {
            for (int b = 0; b < batch; b++) {
                double[] xv = new double[in];
                for (int k = 0; k < in; k++) xv[k] = inputs[10].get(s, b, k);
                double[] z = gate(inputs, 0, xv, h[b], null), g = gate(inputs, 1, xv, h[b], null);
                double[] gh = new double[d];
                for (int j = 0; j < d; j++) gh[j] = g[j] * h[b][j];
                double[] c = gate(inputs, 2, xv, gh, "tanh");
                for (int j = 0; j < d; j++) h[b][j] = (1 - z[j]) * h[b][j] + z[j] * c[j];
            }
        }
        Tensor hT = gruFold(inputs[10], inputs[9], java.util.Arrays.copyOf(inputs, 9));
        for (int b = 0; b < batch; b++) for (int j = 0; j < d; j++) assertEquals(h[b][j], hT.get(b, j), 1e-5);
    }

    private static double[] gate(Tensor[] p, int gate, double[] x, double[] h, String act) {
        Tensor w = p[3 * gate], r = p[3 * gate + 1], bias = p[3 * gate + 2];
        int d = w.dim(0);
        double[] out = new double[d];
        for (int j = 0; j < d; j++) {
            double s = bias.get(j);
            for (int k = 0; k < x.length; k++) s += w.get(j, k) * x[k];
            for (int k = 0; k < d; k++) s += r.get(j, k) * h[k];
            out[j] = "tanh".equals(act) ? Math.tanh(s) : 1 / (1 + Math.exp(-s));
        }
        return out;
    }
}
