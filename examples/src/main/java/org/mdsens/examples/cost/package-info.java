/**
 * Cost of implicit sensitivities against the minimization and against finite differences (issue 4,
 * acceptance "Cost"): {@link org.mdsens.examples.cost.JvpCostBenchmark}, a main that times one JVP
 * against FIRE 2.0 and a warm-started finite-difference pair on the 2D soft-sphere packing.
 */
package org.mdsens.examples.cost;
