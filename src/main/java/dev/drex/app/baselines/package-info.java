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
 *       {@code predictsRatings()} is false);</li>
 *   <li>{@link dev.drex.app.baselines.DeepConn} / {@link dev.drex.app.baselines.DeepConnTrainer}: DeepCoNN, text CNNs
 *       over the user's and the item's concatenated train reviews joined by a factorization machine;</li>
 *   <li>{@link dev.drex.app.baselines.Narre} / {@link dev.drex.app.baselines.NarreTrainer}: NARRE, per-review text
 *       CNNs with review-level attention, which also picks the item's most useful reviews as explanations;</li>
 *   <li>{@link dev.drex.app.baselines.Pesi} / {@link dev.drex.app.baselines.PesiTrainer}: PESI, rating (ID) and review
 *       (attention over text CNNs) features split into shared and private parts, with contrastive, orthogonality and
 *       attention-entropy terms ({@link dev.drex.app.baselines.PesiLosses}); it also picks the item's most useful
 *       reviews as explanations.</li>
 * </ul>
 * The three review models read the train reviews through a {@link dev.drex.app.baselines.ReviewCorpus} (frozen
 * MiniLM word-piece vectors in place of word2vec), so their trainers take it as an extra argument:
 * {@code train(Split, ReviewCorpus, Config, PrintStream)}; a train pair's own review is never among its inputs.
 * Only train ratings are ever model inputs; validation decides when to stop; test is for the evaluator.
 */
package dev.drex.app.baselines;
