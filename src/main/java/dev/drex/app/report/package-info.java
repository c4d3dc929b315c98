/**
 * The study report: {@link dev.drex.app.report.StudyReport} (the data), the Friedman / Iman-Davenport / Nemenyi
 * statistics ({@link dev.drex.app.report.Friedman}, {@link dev.drex.app.report.RankBlocks},
 * {@link dev.drex.app.report.NemenyiCriticalValues}) and {@link dev.drex.app.report.ReportWriter}, which draws
 * everything as one self-contained {@code report.html} with inline SVG figures (package-private helpers:
 * {@code Svg}, {@code Scale}, {@code LineChart}, {@code CdDiagram}, {@code KeywordOverlapFigure}).
 */
package dev.drex.app.report;
