/**
 * The paper's experiment (Blondel et al. 2022, molecular dynamics): sensitivity of a 2D bidisperse
 * soft-sphere packing to the diameter of the large species, through the Java API
 * ({@link org.mdsens.examples.paper.PaperExample}); the job-file twin is
 * {@code examples/jobs/soft-sphere-paper.toml}.
 */
package org.mdsens.examples.paper;
