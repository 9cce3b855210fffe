package org.mdsens.benchmarks;

import java.util.List;

import org.mdsens.md.build.LatticeKind;
import org.mdsens.md.build.Lattices;
import org.mdsens.md.build.RandomPacking;
import org.mdsens.md.potential.LennardJones;
import org.mdsens.md.potential.PairPotential;
import org.mdsens.md.potential.SoftSphere;
import org.mdsens.md.system.ParticleSystem;

/**
 * The benchmark systems, from fixed seeds: {@code lj3d-N}, an fcc Lennard-Jones crystal at
 * number density 0.8442 (LAMMPS {@code bench/in.lj}) with N = 4c³ atoms, displaced by up to
 * 0.05 per coordinate, cutoff 2.5, skin 0.3; and {@code ss2d-N}, a 50:50 bidisperse soft-sphere
 * disk packing (diameters 1 and 1.4, α = 2) at packing fraction 0.9, skin 0.3; {@code ss3d-N}, the same
 * spheres in 3D at packing fraction 0.64 (random positions, overlaps allowed); and {@code lj2d-N},
 * random Lennard-Jones disks (cutoff 2.5, skin 0.3) at number density 0.8, no two closer than 0.8;
 * {@code ka3d-N}, the random start of the Kob–Andersen quench ({@link KaGlass}: 80:20 A/B at number
 * density 1.2, no two closer than 0.75, skin 0.3), the benchmark of the two-species pair loops.
 */
public final class Systems {

    /** Verlet skin of every benchmark. */
    public static final double SKIN = 0.3;

    private Systems() { }

    /** A system and its pair potential. */
    public record Bench(ParticleSystem system, PairPotential potential) { }

    /** Parses {@code lj3d-N}, {@code ss2d-N}, {@code ss3d-N}, {@code lj2d-N} or {@code ka3d-N}. */
    public static Bench of(String name) {
        int dash = name.indexOf('-');
        if (dash < 0) throw new IllegalArgumentException("system must be lj3d-N, ss2d-N, ss3d-N, lj2d-N or ka3d-N, got " + name);
        int n = Integer.parseInt(name.substring(dash + 1));
        return switch (name.substring(0, dash)) {
            case "lj3d" -> new Bench(fcc(n, 0.05, 1), lennardJones());
            case "ss2d" -> new Bench(RandomPacking.atPackingFraction(2, n, List.of("A", "B"), null, new double[] {1.0, 1.4},
                    0.9, 0.0, 1), softSpheres());
            case "ss3d" -> new Bench(RandomPacking.atPackingFraction(3, n, List.of("A", "B"), null, new double[] {1.0, 1.4},
                    0.64, 0.0, 1), softSpheres());
            case "lj2d" -> new Bench(RandomPacking.atDensity(2, n, List.of("A"), null, 0.8, 0.8, 1), lennardJones());
            case "ka3d" -> new Bench(RandomPacking.atDensity(3, n, KaGlass.AB, new double[] {0.8, 0.2}, 1.2, 0.75, 1),
                    KaGlass.potential());
            default -> throw new IllegalArgumentException("system must be lj3d-N, ss2d-N, ss3d-N, lj2d-N or ka3d-N, got " + name);
        };
    }

    /** An fcc crystal of N = 4c³ atoms at density 0.8442 (one species "A"), displaced by up to {@code jitter}. */
    public static ParticleSystem fcc(int n, double jitter, long seed) {
        int cells = (int) Math.round(Math.cbrt(n / 4.0));
        if (4 * cells * cells * cells != n) throw new IllegalArgumentException("fcc N must be 4c³, got " + n);
        return Lattices.build(LatticeKind.FCC, new int[] {cells, cells, cells}, 0.8442, List.of("A"), null, jitter, seed);
    }

    /** LAMMPS {@code pair_style lj/cut 2.5}, σ = ε = 1, not shifted. */
    public static PairPotential lennardJones() {
        return LennardJones.builder(List.of("A")).cutoff(2.5).build();
    }

    /** Harmonic soft spheres, diameters 1 and 1.4. */
    public static PairPotential softSpheres() {
        return SoftSphere.builder(List.of("A", "B")).diameter("A", 1.0).diameter("B", 1.4).alpha(2).build();
    }
}
