/**
 * Builders of starting configurations: crystal lattices ({@link org.mdsens.md.build.Lattices},
 * {@link org.mdsens.md.build.LatticeKind}: sc, bcc, fcc, square, triangular) and random packings at a
 * packing fraction or number density ({@link org.mdsens.md.build.RandomPacking}), with species
 * assigned from composition fractions ({@link org.mdsens.md.build.Composition}).
 *
 * <p>Every builder takes an explicit {@code long} seed and draws all its random numbers from one
 * Apache Commons RNG {@code XO_RO_SHI_RO_128_PP} generator created from it, in a documented order, so
 * the same arguments give the same bits on every JVM. Builders return periodic
 * {@link org.mdsens.md.system.ParticleSystem}s with unit masses; they are stateless and thread-safe.
 */
package org.mdsens.md.build;
