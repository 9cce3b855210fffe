/**
 * mdsens for notebooks: a fluent, JShell-friendly API from a particle system to its equilibrium
 * sensitivity figure, and inline display in Jupyter (IJava or JJava).
 *
 * <p>What to use when:
 * <ul>
 *   <li>{@link org.mdsens.viz.notebook.Mdsens}: start here ({@code softSpheres2D(128)...}, {@code readXyz},
 *       {@code readLammpsData}).</li>
 *   <li>{@link org.mdsens.viz.notebook.SoftSpheres}: a random soft-sphere packing; {@code setup()} or
 *       {@code minimize()}.</li>
 *   <li>{@link org.mdsens.viz.notebook.Setup}: configuration + potential + minimizer settings;
 *       {@code minimize()}.</li>
 *   <li>{@link org.mdsens.viz.notebook.Minimum}: the result; {@code convergenceChart()},
 *       {@code sensitivity("diameter[B]")}, {@code derivative("pressure", "diameter[B]")},
 *       {@code withParameter(...)} for warm-started sweeps.</li>
 *   <li>{@link org.mdsens.viz.notebook.Sensitivity}: dx*&#47;dθ; {@code picture()}, {@code histogram()},
 *       {@code save(...)}.</li>
 *   <li>{@link org.mdsens.viz.notebook.Figure} and {@link org.mdsens.viz.notebook.Table}: PNG, SVG, HTML,
 *       files; {@link org.mdsens.viz.notebook.Displayable} is what the kernel renders.</li>
 *   <li>{@link org.mdsens.viz.notebook.Notebook#enable()}: inline display in a running IJava/JJava kernel,
 *       found by reflection (no kernel needed to compile or run mdsens).</li>
 * </ul>
 *
 * <p>No checked exceptions: I/O problems are {@link java.io.UncheckedIOException}, bad input
 * {@link java.lang.IllegalArgumentException} with a message saying what would be right, and numerical
 * outcomes are statuses ({@code Minimum.status()}, {@code Sensitivity.status()}). The fluent objects
 * delegate to md-core (building, minimizing), sensitivity (implicit differentiation) and viz (charts,
 * pictures, exporters) and add no numerics of their own.
 */
package org.mdsens.viz.notebook;
