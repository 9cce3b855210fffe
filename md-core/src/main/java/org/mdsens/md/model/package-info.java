/**
 * Energy models and their evaluation. {@link org.mdsens.md.model.EnergyModel} names the terms
 * (pair potential, {@link org.mdsens.md.model.HarmonicBonds}) and the parameter vector θ;
 * {@link org.mdsens.md.model.EnergyEvaluator} evaluates a model on a system: energy, forces,
 * virial and pressure, Hessian-vector products and parameter derivatives (the products implicit
 * differentiation needs), and is the {@link org.mdsens.md.minimize.PotentialSurface} minimizers run on.
 * {@link org.mdsens.md.model.SparseHessian} assembles the Hessian once at fixed positions (pairs inside the
 * cutoff and bonds, d×d stiffness per pair), for the many products of Krylov solves and for preconditioners.
 */
package org.mdsens.md.model;
