/**
 * Everything around a trained run (spec DREX.md; issue 5): {@link dev.drex.app.run.RunTrainer} writes a run
 * directory ({@code model.safetensors}, {@code config.json}, {@code run.json}, {@code split.tsv},
 * {@code checkpoint/}) and {@link dev.drex.app.run.Run} loads it back; {@link dev.drex.app.run.RunEvaluation}
 * measures it beside the floors; {@link dev.drex.app.run.Recommender} and {@link dev.drex.app.run.RunReports}
 * serve {@code recommend}, {@code explain} and {@code profile}; {@link dev.drex.app.run.Tuner} is the resumable
 * grid search (validation only) and {@link dev.drex.app.run.ExperimentRunner} the resumable seeds x variants
 * experiment. {@link dev.drex.app.run.Criteria} wires the paper's MAE-then-NDCG@10 early stopping.
 */
package dev.drex.app.run;
