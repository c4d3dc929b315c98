/**
 * DReX and DReX-MLP (spec DREX.md), built on the engine's autodiff.
 *
 * <pre>
 *   DrexConfig          every setting, defaults stated once, JSON
 *   DrexInputs          dataset + split + review vectors (+ hidden ratings)
 *   TrainHistory        per user/item train interactions in time order; the history rule; skipped interactions
 *   BatchPlan           one batch: distinct history interactions, packed fold layouts, sparse rating rows
 *   InteractionEncoder  x = W_f [x_text ; x_rate] + b_f, the review part through ReviewAttention
 *   ReviewAttention     fused attention pooling over frozen lemma vectors (the spec's cheap form; kernel:
 *                       engine AttentionPooling)
 *   PackedGruFold       batched GRU fold stepping only the active rows (rows sorted by history length)
 *   ParallelFolds       the user and item folds side by side on two threads, forward and backward, same bits
 *   RatingRowTower      DReX-MLP towers over sparse rating rows (WeightedRowSum)
 *   DrexModel           initial vectors, folds, predictor head, penalty; predict; online update
 *   StatePrediction     inference from per-user / per-item states
 *   Timing              wall and CPU time per training phase (--profile)
 * </pre>
 */
package dev.drex.app.model;
