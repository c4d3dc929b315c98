/**
 * The comparison study, {@code drex compare} (paper, Table 4): every model tuned on validation over a small grid,
 * the chosen configuration trained on seeds 1..n and measured on test, mean and std over seeds, ranked.
 * <ul>
 *   <li>{@link dev.drex.app.compare.StudyModel}: what a model must offer (name, grid, train one cell); one adapter per
 *       model ({@link dev.drex.app.compare.DrexStudyModel}, {@link dev.drex.app.compare.NarreStudyModel}, ...),
 *       registered in {@link dev.drex.app.compare.StudyModels};</li>
 *   <li>{@link dev.drex.app.compare.StudyGrids}: every model's grid, in one place;</li>
 *   <li>{@link dev.drex.app.compare.CompareStudy}: the study itself (cells, selection, aggregation, progress), with
 *       {@link dev.drex.app.compare.CellStore} keeping each finished cell on disk so a killed study resumes;</li>
 *   <li>{@link dev.drex.app.compare.StudyTable}, {@link dev.drex.app.compare.StudyFiles}: ranked tables,
 *       results.json / results.md / study-report.json; {@code CompareStudy.report} builds the
 *       {@link dev.drex.app.report.StudyReport} that report.html draws.</li>
 * </ul>
 */
package dev.drex.app.compare;
