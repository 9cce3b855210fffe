/**
 * What a picture shows, as plain immutable data: {@link org.mdsens.viz.scene.ParticleScene} holds
 * positions, species, drawing diameters, the box, an optional per-particle vector field (for example
 * the sensitivity dx*&#47;dθ) and the rattlers.
 *
 * <p>Use {@link org.mdsens.viz.scene.ParticleScene#of(org.mdsens.md.system.ParticleSystem, double[])}
 * to snapshot a minimized system, then {@code withField} and {@code withRattlers} with the arrays a
 * sensitivity computation returned. The scene knows nothing about colours, cameras or files; those
 * live in {@code org.mdsens.viz.picture} and {@code org.mdsens.viz.export}.
 */
package org.mdsens.viz.scene;
