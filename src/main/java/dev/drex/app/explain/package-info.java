/**
 * Explanations (spec DREX.md, "Explanations"): {@link dev.drex.app.explain.KeywordProfiles} accumulates
 * trained attention weights per user and item; {@link dev.drex.app.explain.Explainer} names the keywords
 * two profiles share, with the review snippets they came from.
 */
package dev.drex.app.explain;
