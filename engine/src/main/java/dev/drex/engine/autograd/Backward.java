package dev.drex.engine.autograd;

import dev.drex.engine.tensor.Tensor;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;

/**
 * Reverse-mode sweep. Orders the graph behind a root topologically (iterative DFS: a fold of any length
 * cannot overflow the stack), seeds the root's gradient, then visits ops from the root back to the leaves;
 * each op adds its contribution into its inputs' gradients. An op runs only after every consumer of its
 * output has, so its output gradient is complete when read.
 *
 * <p>Unless {@code retainGraph}, each op releases its saved state and each intermediate (non-leaf) output
 * drops its gradient right after its op has run: memory is freed as the sweep proceeds. Leaves keep
 * their accumulated gradients. A backward through a graph already released fails with a message saying
 * so. With {@code retainGraph} the graph and the intermediates' gradients stay (for inspection); a later
 * pass zeroes those intermediate gradients first, so only the leaves accumulate across passes.
 */
public final class Backward {
    private Backward() {}

    /** Runs backward from {@code root} with seed gradient {@code seed} (length = root size). */
    public static void run(Tensor root, float[] seed, boolean retainGraph) {
        if (!root.requiresGrad()) {
            throw new IllegalStateException("backward() from a tensor that does not require grad (was it computed under Grad.off(), or from constants only?)");
        }
        if (seed.length != root.size()) {
            throw new IllegalArgumentException("seed has " + seed.length + " values for a root of size " + root.size());
        }
        List<Tensor> order = topologicalOrder(root);
        for (Tensor t : order) {
            Op op = t.creator();
            if (op != null && op.inputs == null) {
                throw new IllegalStateException("backward through a graph that was already released: " + op.name()
                        + " (output " + java.util.Arrays.toString(t.shape()) + ") ran its backward before and freed its"
                        + " saved state. Recompute the forward, or pass retainGraph=true to the first backward.");
            }
        }
        // Gradients of intermediates left by an earlier retainGraph pass are stale: start them from zero so
        // a second pass adds exactly one more copy into the leaves.
        for (Tensor t : order) if (!t.isLeaf()) t.clearGrad();
        float[] g = root.grad();
        for (int i = 0; i < seed.length; i++) g[i] += seed[i];
        for (int i = order.size() - 1; i >= 0; i--) {
            Tensor t = order.get(i);
            Op op = t.creator();
            if (op == null || op.inputs == null) continue;
            if (t.gradOrNull() != null) Op.runBackward(op, t);
            if (!retainGraph) {
                Op.runRelease(op);
                t.clearGrad();
            }
        }
    }

    /** Tensors reachable from {@code root}, each after all its inputs (root last). */
    static List<Tensor> topologicalOrder(Tensor root) {
        List<Tensor> order = new ArrayList<>();
        IdentityHashMap<Tensor, Boolean> seen = new IdentityHashMap<>();
        ArrayDeque<Object[]> stack = new ArrayDeque<>(); // {tensor, next input index}
        stack.push(new Object[] {root, 0});
        seen.put(root, Boolean.TRUE);
        while (!stack.isEmpty()) {
            Object[] frame = stack.peek();
            Tensor t = (Tensor) frame[0];
            int next = (Integer) frame[1];
            Op op = t.creator();
            Tensor[] ins = op == null ? new Tensor[0] : op.inputs();
            if (next < ins.length) {
                frame[1] = next + 1;
                Tensor in = ins[next];
                if (in != null && in.requiresGrad() && !seen.containsKey(in)) {
                    seen.put(in, Boolean.TRUE);
                    stack.push(new Object[] {in, 0});
                }
            } else {
                stack.pop();
                order.add(t);
            }
        }
        return order;
    }
}
