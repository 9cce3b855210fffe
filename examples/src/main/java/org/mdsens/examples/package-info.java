/**
 * Runnable examples and the helpers behind the notebooks in {@code examples/notebooks/}:
 * {@link org.mdsens.examples.PaperFigure} (the JAXopt paper's soft-sphere sensitivity figure),
 * {@link org.mdsens.examples.ParameterSweep} and {@link org.mdsens.examples.SweepResult} (a small sweep
 * with implicit-derivative tangents), {@link org.mdsens.examples.Checks} (finite-difference comparisons)
 * and {@link org.mdsens.examples.PaperSensitivityExample} (the paper figure from the command line).
 */
package org.mdsens.examples;
