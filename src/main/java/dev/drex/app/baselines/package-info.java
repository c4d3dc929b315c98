/**
 * The paper's baselines trained with the engine (spec, "Baselines"), each a
 * {@link dev.drex.app.model.RatingPredictor} with a trainer in the style of {@code BiasedMfTrainer}
 * ({@code static Result train(Split, Config, PrintStream)}, a {@code Config} record with documented defaults,
 * early stopping on validation, best weights restored, one seed for everything random):
 * <ul>
 *   <li>{@link dev.drex.app.baselines.Emf} / {@link dev.drex.app.baselines.EmfTrainer}: explainable MF over the
 *       neighbourhood {@link dev.drex.app.baselines.ExplainabilityGraph}, which also words its explanations;</li>
 *   <li>{@link dev.drex.app.baselines.Dmf} / {@link dev.drex.app.baselines.DmfTrainer}: deep MF, two towers over
 *       the rows and columns of the {@link dev.drex.app.baselines.TrainMatrix}, scored by cosine (rank only:
 *       {@code predictsRatings()} is false).</li>
 * </ul>
 * Only train ratings are ever model inputs; validation decides when to stop; test is for the evaluator.
 */
package dev.drex.app.baselines;
