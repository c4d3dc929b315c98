/**
 * Training DReX: {@link dev.drex.app.train.Trainer} (Adam, shuffled mini-batches, clipping, NaN guard,
 * early stopping, best weights restored), {@link dev.drex.app.train.Checkpoint} (atomic per-epoch state,
 * exact resume), {@link dev.drex.app.train.StoppingCriterion} (validation RMSE, or the paper's MAE then
 * NDCG@10 with the metric plugged in).
 */
package dev.drex.app.train;
