/**
 * Energy minimizers over a {@link org.mdsens.md.minimize.PotentialSurface}: FIRE 2.0
 * ({@link org.mdsens.md.minimize.FireMinimizer}, the default, as LAMMPS {@code min_style fire}),
 * classic FIRE ({@link org.mdsens.md.minimize.FireClassicMinimizer}, as JAX-MD),
 * L-BFGS ({@link org.mdsens.md.minimize.LbfgsMinimizer}) and gradient descent
 * ({@link org.mdsens.md.minimize.GradientDescentMinimizer}); build one from a
 * {@link org.mdsens.md.minimize.MinimizerConfig} with
 * {@link org.mdsens.md.minimize.Minimizers#create}.
 *
 * <p>What to use when: FIRE for large or rough systems (jammed packings, glasses), with no line
 * search to fail; L-BFGS for smooth systems and the tightest tolerances (fewest force
 * evaluations, monotone energy within round-off); classic FIRE to compare with JAX-MD; gradient
 * descent as a reference.
 *
 * <p>Common contract. Positions are changed in place; masses are 1. Convergence is the largest
 * per-particle force norm max_i |F_i| (over the d components of particle i) ≤
 * {@code forceTolerance}; already converged at the start gives {@code CONVERGED} after 0
 * iterations and 1 force evaluation. No particle moves further than {@code maxStep} in one step
 * (FIRE 2.0's half step back after a P ≤ 0 may in addition undo up to half of the previous step).
 * Every evaluation is checked: a NaN or infinite energy or force ends the run with
 * {@code NON_FINITE} at once, the positions being those of that evaluation. The listener's
 * {@code onIteration} is called after each iteration and {@code cancelRequested} polled before
 * each ({@code CANCELLED}); {@code MAX_ITERATIONS} at the cap. Results carry iterations, force
 * evaluations, the final energy and max force, the wall time ({@link System#nanoTime()}), and
 * traces of energy and max force from iteration 0 (all iterations up to 20000 entries, then
 * evenly thinned to ≤ 20000 plus the last iteration). Workspaces are allocated once per system
 * size; a minimizer instance is used by one thread at a time.
 *
 * <p>Long-vector arithmetic (dot products, the L-BFGS two-loop passes) sums in a fixed order,
 * eight interleaved streams with fused multiply-adds; it runs on the incubating Vector API when
 * {@code jdk.incubator.vector} is in the boot layer of JDK 25 or later (loaded reflectively; on
 * JDK 17 the Vector API loops measured slower than scalar; the system property
 * {@code mdsens.minimize.vector=false} keeps the scalar code) and gives the same bits either way,
 * so results do not depend on the JDK or its flags.
 */
package org.mdsens.md.minimize;
