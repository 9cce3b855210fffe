/**
 * What {@code mdsens run} writes: {@code summary.json} ({@link org.mdsens.app.output.RunSummary}),
 * {@code final.xyz}, each through {@link org.mdsens.viz.export.AtomicFiles} so that a crash never
 * leaves a half-written file. Per-particle data are always in input order.
 */
package org.mdsens.app.output;
