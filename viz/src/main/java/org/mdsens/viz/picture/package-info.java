/**
 * Particle pictures drawn with Java2D, so one drawing path serves the screen, PNG and SVG.
 *
 * <p>{@link org.mdsens.viz.picture.ParticleView} draws a {@link org.mdsens.viz.scene.ParticleScene}
 * (2D disks with periodic images, or 3D shaded spheres through a
 * {@link org.mdsens.viz.picture.Camera3D}), field arrows scaled by
 * {@link org.mdsens.viz.picture.ArrowScale}, rattlers and a legend, as set by
 * {@link org.mdsens.viz.picture.ViewOptions}. {@link org.mdsens.viz.picture.Palette} holds the
 * colour-blind-safe colours (Okabe–Ito, viridis) that charts use too. To write files use
 * {@code org.mdsens.viz.export}; views are mutable and belong to one thread.
 */
package org.mdsens.viz.picture;
