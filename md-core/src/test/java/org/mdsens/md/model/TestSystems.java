package org.mdsens.md.model;

import java.util.ArrayList;
import java.util.List;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.mdsens.md.potential.PairPotential;
import org.mdsens.md.potential.RadialFunction;
import org.mdsens.md.space.Box;
import org.mdsens.md.system.ParticleSystem;

/** Seeded random systems, bonds and all-pairs reference sums for tests. */
public final class TestSystems {

    private TestSystems() { }

    /** A seeded generator. */
    public static UniformRandomProvider rng(long seed) {
        return RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
    }

    /**
     * Random sequential addition of {@code n} particles in [0, L)^d (periodic or open box), no
     * pair closer than {@code minDistance} and no pair distance within {@code band} of any of the
     * {@code avoid} distances (cutoffs and contacts, so that finite differences never straddle a
     * kink). Species alternate 0, 1, ... over {@code species} names.
     */
    public static ParticleSystem random(long seed, int d, int n, double length, boolean periodic,
                                        List<String> species, double minDistance, double[] avoid, double band) {
        UniformRandomProvider rng = rng(seed);
        Box box = periodic ? Box.Periodic.cube(d, length) : new Box.Open(d);
        double[] len = box.imageLengths();
        double[] inv = box.inverseImageLengths();
        double[] x = new double[d * n];
        int[] sp = new int[n];
        for (int i = 0; i < n; i++) {
            sp[i] = i % species.size();
            int attempts = 0;
            while (true) {
                if (++attempts > 200000) throw new IllegalStateException("could not place particle " + i);
                for (int a = 0; a < d; a++) x[d * i + a] = length * rng.nextDouble();
                boolean ok = true;
                for (int j = 0; j < i && ok; j++) {
                    double r2 = 0;
                    for (int a = 0; a < d; a++) {
                        double dx = Box.minimumImage(x[d * i + a] - x[d * j + a], len[a], inv[a]);
                        r2 += dx * dx;
                    }
                    double r = Math.sqrt(r2);
                    if (r < minDistance) ok = false;
                    for (double c : avoid) if (Math.abs(r - c) < band) ok = false;
                }
                if (ok) break;
            }
        }
        return new ParticleSystem(box, x, sp, species);
    }

    /** Every distinct cutoff of the potential's species pairs (distances to keep away from). */
    public static double[] cutoffs(PairPotential p) {
        int s = p.speciesNames().size();
        List<Double> c = new ArrayList<>();
        for (int a = 0; a < s; a++) for (int b = a; b < s; b++) c.add(p.pair(a, b).cutoff());
        double[] out = new double[c.size()];
        for (int q = 0; q < out.length; q++) out[q] = c.get(q);
        return out;
    }

    /**
     * About one bond per particle between random nearby pairs (distance below {@code reach}), two
     * bond types "s" (k = 3, r0 = 1.0) and "w" (k = 0.7, r0 = 1.3).
     */
    public static HarmonicBonds bonds(long seed, ParticleSystem system, double reach) {
        UniformRandomProvider rng = rng(seed ^ 0x5DEECE66DL);
        int d = system.dimension();
        int n = system.size();
        double[] x = system.positions();
        double[] len = system.box().imageLengths();
        double[] inv = system.box().inverseImageLengths();
        List<int[]> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double r2 = 0;
                for (int a = 0; a < d; a++) {
                    double dx = Box.minimumImage(x[d * i + a] - x[d * j + a], len[a], inv[a]);
                    r2 += dx * dx;
                }
                if (r2 < reach * reach && rng.nextDouble() < 0.3) list.add(new int[] {i, j, rng.nextInt(2)});
            }
        }
        int m = list.size();
        int[] f = new int[m], g = new int[m], t = new int[m];
        for (int b = 0; b < m; b++) {
            f[b] = list.get(b)[0];
            g[b] = list.get(b)[1];
            t[b] = list.get(b)[2];
        }
        return new HarmonicBonds(f, g, t, List.of("s", "w"), new double[] {3.0, 0.7}, new double[] {1.0, 1.3});
    }

    /**
     * All-pairs reference: E_pair and forces −∇E_pair by direct double loops over i &lt; j with the
     * minimum image (no neighbor list). Returns E; fills {@code forces}.
     */
    public static double allPairs(ParticleSystem system, PairPotential p, double[] forces) {
        int d = system.dimension();
        int n = system.size();
        double[] x = system.positions();
        int[] sp = system.species();
        double[] len = system.box().imageLengths();
        double[] inv = system.box().inverseImageLengths();
        java.util.Arrays.fill(forces, 0);
        double e = 0;
        double[] dr = new double[d];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                RadialFunction f = p.pair(sp[i], sp[j]);
                double r2 = 0;
                for (int a = 0; a < d; a++) {
                    dr[a] = Box.minimumImage(x[d * i + a] - x[d * j + a], len[a], inv[a]);
                    r2 += dr[a] * dr[a];
                }
                double r = Math.sqrt(r2);
                if (r >= f.cutoff()) continue;
                e += f.energy(r);
                double c = -f.firstDerivative(r) / r;
                for (int a = 0; a < d; a++) {
                    forces[d * i + a] += c * dr[a];
                    forces[d * j + a] -= c * dr[a];
                }
            }
        }
        return e;
    }

    /** Σ |φ(r_ij)| over all pairs within their cutoff (minimum image): the round-off scale of an energy sum. */
    public static double absolutePairEnergy(ParticleSystem system, PairPotential p) {
        int d = system.dimension();
        double[] x = system.positions();
        double[] len = system.box().imageLengths();
        double[] inv = system.box().inverseImageLengths();
        double sum = 0;
        for (int i = 0; i < system.size(); i++) {
            for (int j = i + 1; j < system.size(); j++) {
                RadialFunction f = p.pair(system.species(i), system.species(j));
                double r2 = 0;
                for (int a = 0; a < d; a++) {
                    double dx = Box.minimumImage(x[d * i + a] - x[d * j + a], len[a], inv[a]);
                    r2 += dx * dx;
                }
                double r = Math.sqrt(r2);
                if (r < f.cutoff()) sum += Math.abs(f.energy(r));
            }
        }
        return sum;
    }

    /** max_i |a_i − b_i| / max_i |b_i| (or the absolute difference when b = 0). */
    public static double relativeError(double[] a, double[] b) {
        double diff = 0, scale = 0;
        for (int i = 0; i < a.length; i++) {
            diff = Math.max(diff, Math.abs(a[i] - b[i]));
            scale = Math.max(scale, Math.abs(b[i]));
        }
        return scale == 0 ? diff : diff / scale;
    }

    /** Positions of an fcc lattice of {@code cells}³ cubic cells of side {@code a} (4 atoms per cell). */
    public static double[] fcc(int cells, double a) {
        double[][] basis = {{0, 0, 0}, {0.5, 0.5, 0}, {0.5, 0, 0.5}, {0, 0.5, 0.5}};
        double[] x = new double[3 * 4 * cells * cells * cells];
        int q = 0;
        for (int i = 0; i < cells; i++) {
            for (int j = 0; j < cells; j++) {
                for (int k = 0; k < cells; k++) {
                    for (double[] b : basis) {
                        x[q++] = (i + b[0]) * a;
                        x[q++] = (j + b[1]) * a;
                        x[q++] = (k + b[2]) * a;
                    }
                }
            }
        }
        return x;
    }
}
