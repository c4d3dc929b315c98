package dev.drex.app.compare;

import dev.drex.app.report.StudyReport;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns {@link StudyResults} into the {@link StudyReport} that {@code report.html} draws:
 * <ul>
 *   <li>tables: {@link StudyTable#of} for the paper and the full protocol;</li>
 *   <li>curves: train loss and validation RMSE per epoch of every chosen cell of a model with epochs that predicts
 *       ratings (DMF's curve is its cross-entropy, not an RMSE, so it is left out);</li>
 *   <li>sensitivities: validation RMSE of seed 1's tuning cells along lr, lambda and d, the other parameters held at
 *       the chosen point's values; when the chosen point has no neighbour along a parameter (a star grid chose a
 *       non-centre point), the line through the grid's centre is used instead, and the notes say so;</li>
 *   <li>overlap: DReX's keyword-overlap example from its chosen seed-1 cell (DReX-MLP's when DReX was not run);</li>
 *   <li>timings: wall time of each model's cells.</li>
 * </ul>
 */
final class StudyReportBuilder {
    /** The parameters of the sensitivity figures: lr and lambda (paper, Figure 3), d (Figure 5). */
    static final List<String> SENSITIVITY_PARAMETERS = List.of("lr", "lambda", "d");

    private StudyReportBuilder() {
    }

    static StudyReport build(StudyResults r) {
        List<String> notes = new ArrayList<>(notes(r));
        List<StudyReport.ResultTable> tables = StudyTable.PROTOCOLS.stream().map(p -> StudyTable.of(r, p)).toList();
        List<StudyReport.LearningCurve> curves = new ArrayList<>();
        List<StudyReport.Sensitivity> sensitivities = new ArrayList<>();
        List<StudyReport.ModelTiming> timings = new ArrayList<>();
        for (StudyResults.ModelOutcome m : r.models()) {
            timings.add(new StudyReport.ModelTiming(m.displayName(), m.seconds()));
            if (m.chosen() == null || !m.criterion().equals(TrainedCell.VALIDATION_RMSE)) continue;
            for (CellResult c : m.chosenCells()) {
                if (!c.failed() && c.bestEpoch() > 0) {
                    curves.add(new StudyReport.LearningCurve(m.displayName(), r.dataset(), (int) c.seed(), c.trainLoss(), c.validationCurve(), c.bestEpoch()));
                }
            }
            for (String parameter : SENSITIVITY_PARAMETERS) {
                StudyReport.Sensitivity s = sensitivity(r.dataset(), m, parameter, m.chosen());
                if (s == null && !m.tuning().isEmpty()) {
                    s = sensitivity(r.dataset(), m, parameter, m.tuning().getFirst().point());
                    if (s != null) notes.add(String.format(Locale.ROOT, "%s, sensitivity to %s: taken through the grid's centre (%s), not the chosen point.",
                            m.displayName(), parameter, m.tuning().getFirst().point().describe()));
                }
                if (s != null) sensitivities.add(s);
            }
        }
        StudyReport.KeywordOverlap overlap = overlap(r, "drex");
        if (overlap == null) overlap = overlap(r, "drex-mlp");
        String title = "drex compare: " + r.dataset();
        return new StudyReport(title, notes, tables, curves, sensitivities, overlap, timings);
    }

    /** Validation RMSE of the tuning cells that differ from {@code anchor} only in {@code parameter}; null below 2 values. */
    static StudyReport.Sensitivity sensitivity(String dataset, StudyResults.ModelOutcome m, String parameter, StudyPoint anchor) {
        if (anchor.value(parameter) == null) return null;
        List<CellResult> line = new ArrayList<>();
        for (CellResult c : m.tuning()) {
            if (c.failed() || !Double.isFinite(c.validationRmse())) continue;
            boolean sameElsewhere = true;
            for (String other : anchor.parameters()) {
                if (!other.equals(parameter) && !java.util.Objects.equals(anchor.value(other), c.point().value(other))) sameElsewhere = false;
            }
            if (sameElsewhere && c.point().value(parameter) != null) line.add(c);
        }
        if (line.size() < 2) return null;
        line.sort(Comparator.comparingDouble(c -> c.point().value(parameter)));
        return new StudyReport.Sensitivity(m.displayName(), dataset, parameter, line.stream().mapToDouble(c -> c.point().value(parameter)).toArray(),
                line.stream().mapToDouble(CellResult::validationRmse).toArray());
    }

    private static StudyReport.KeywordOverlap overlap(StudyResults r, String model) {
        for (StudyResults.ModelOutcome m : r.models()) {
            if (!m.model().equals(model) || m.chosenCells().isEmpty()) continue;
            return m.chosenCells().getFirst().overlap();
        }
        return null;
    }

    /** The paragraphs under the heading: data, split, vectors, selection, deviations. */
    static List<String> notes(StudyResults r) {
        StudySettings s = r.settings();
        List<String> out = new ArrayList<>();
        out.add(String.format(Locale.ROOT, "Data: %s (%d interactions, %d users, %d items after the %d/%d k-core). Seeds 1..%d: seed s sets the "
                + "random 80/10/10 split AND the model's initialisation (split seed = model seed).", r.dataset(), r.interactions(), r.users(),
                r.items(), s.minUser(), s.minItem(), r.seeds()));
        out.add(s.vectors().equals("random")
                ? "DReX review vectors: RANDOM STAND-IN (seeded random unit vectors per lemma, width " + s.randomDim()
                        + "), not a sentence encoder: DReX's numbers here are not the paper's."
                : "DReX review vectors: " + s.encoder() + " lemma vectors from " + s.vectors() + ".");
        out.add("DeepCoNN and NARRE read word pieces with the frozen word-piece table of " + s.wordPieces()
                + " in place of the GoogleNews word2vec vectors of their papers.");
        out.add("Tuning: each model's grid (" + r.grid() + ", a star around its documented defaults) was trained on seed 1; the configuration "
                + "with the lowest validation score of seed 1 (validation RMSE; DMF: validation cross-entropy) was then trained on every seed "
                + "and measured on test. The test part never entered the choice (test metrics are computed for every cell, "
                + "since that is cheap beside training, but only the chosen configuration's are reported).");
        out.add("Learning curves: train loss and validation RMSE per epoch of the chosen configuration on every seed; DMF (its curve "
                + "is a cross-entropy) and the global mean (no epochs) have none.");
        out.add("DMF scores preference, not stars: its MAE and RMSE are not reported (—), and it has no ranks in those columns. "
                + "Ranks: 1 is best, computed on the means at " + StudyTable.DIGITS + " decimals; equal values share a rank.");
        if (s.maxEpochs() > 0) out.add("Every model's epochs were capped at " + s.maxEpochs() + " (--max-epochs): a smoke run, not the study.");
        for (Map.Entry<String, String> e : chosen(r).entrySet()) out.add(e.getKey() + ": " + e.getValue());
        return out;
    }

    private static Map<String, String> chosen(StudyResults r) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        for (StudyResults.ModelOutcome m : r.models()) {
            out.put(m.displayName(), m.chosen() == null ? "every grid point failed"
                    : String.format(Locale.ROOT, "chose %s of %d grid point%s (%s); fixed: %s", m.chosen().describe(), m.tuning().size(), m.tuning().size() == 1 ? "" : "s",
                            m.criterion(), m.fixedSettings()));
        }
        return out;
    }
}
