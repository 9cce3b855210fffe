/**
 * Sensitivity of a Kob–Andersen Lennard-Jones glass to ε_AB, with a finite-difference check:
 * {@link org.mdsens.examples.glass.KaGlassExample}.
 */
package org.mdsens.examples.glass;
