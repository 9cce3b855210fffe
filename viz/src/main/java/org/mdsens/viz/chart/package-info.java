/**
 * JFreeChart factories for the standard mdsens plots, styled alike by
 * {@link org.mdsens.viz.chart.ChartStyle} at a {@link org.mdsens.viz.chart.FigurePreset} size
 * (screen, or a journal column at 300 dpi with 8 pt type): minimization convergence
 * ({@link org.mdsens.viz.chart.ConvergenceChart}), sensitivity magnitudes
 * ({@link org.mdsens.viz.chart.SensitivityHistogram}), implicit vs finite-difference parity
 * ({@link org.mdsens.viz.chart.ParityChart}) and parameter sweeps with implicit tangents
 * ({@link org.mdsens.viz.chart.SweepChart}). Inputs are plain arrays; each factory returns a fresh
 * chart (JFreeChart objects are not thread-safe: use one per thread). Write them with
 * {@code org.mdsens.viz.export}.
 */
package org.mdsens.viz.chart;
