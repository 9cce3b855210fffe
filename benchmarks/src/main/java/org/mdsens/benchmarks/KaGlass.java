package org.mdsens.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.mdsens.md.build.RandomPacking;
import org.mdsens.md.io.LammpsData;
import org.mdsens.md.kernel.KernelChoice;
import org.mdsens.md.kernel.KernelProvider;
import org.mdsens.md.kernel.Kernels;
import org.mdsens.md.minimize.MinimizationResult;
import org.mdsens.md.minimize.MinimizerConfig;
import org.mdsens.md.minimize.MinimizerKind;
import org.mdsens.md.minimize.Minimizers;
import org.mdsens.md.model.EnergyEvaluator;
import org.mdsens.md.model.EnergyModel;
import org.mdsens.md.potential.LennardJones;
import org.mdsens.md.system.ParticleSystem;

/**
 * The Kob–Andersen glass side of {@code compare-lammps.sh}: an 80:20 A/B Lennard-Jones mixture at
 * number density 1.2 (σ_AB = 0.8, σ_BB = 0.88, ε_AB = 1.5, ε_BB = 0.5, cutoff 2.5σ_ab, shifted),
 * quenched from a random configuration (minimum distance 0.75) to a largest per-particle force
 * below a tolerance, as LAMMPS {@code min_style cg; min_modify norm max; minimize 0.0 tol ...}.
 *
 * <p>Usage: {@code KaGlass write <file> <N> <seed>} writes the random start as a LAMMPS data file;
 * {@code KaGlass minimize <file> <fire|lbfgs> [tolerance=1e-8] [kernel=auto] [threads=1]} minimizes it
 * (after a JIT warm-up on a copy) and prints one line of {@code key=value} pairs.
 */
public final class KaGlass {

    static final List<String> AB = List.of("A", "B");

    private KaGlass() { }

    /** Kob–Andersen with LAMMPS's {@code pair_modify shift yes}. */
    public static LennardJones potential() {
        return LennardJones.builder(AB).sigma("A", 1).epsilon("A", 1).sigma("B", 0.88).epsilon("B", 0.5)
                .pairSigma("A", "B", 0.8).pairEpsilon("A", "B", 1.5).cutoffInSigma(2.5).shift(true).build();
    }

    public static void main(String[] args) throws IOException {
        if (args.length >= 4 && args[0].equals("write")) {
            int n = Integer.parseInt(args[2]);
            ParticleSystem s = RandomPacking.atDensity(3, n, AB, new double[] {0.8, 0.2}, 1.2, 0.75,
                    Long.parseLong(args[3]));
            LammpsData.write(Path.of(args[1]), s, null);
            return;
        }
        if (args.length < 3 || !args[0].equals("minimize")) {
            System.err.println("usage: KaGlass write <file> <N> <seed> | KaGlass minimize <file> <fire|lbfgs> "
                    + "[tolerance] [kernel] [threads]");
            System.exit(2);
        }
        ParticleSystem system = LammpsData.read(Path.of(args[1]), 3, AB).system();
        MinimizerKind kind = MinimizerKind.fromLabel(args[2]);
        double tolerance = args.length > 3 ? Double.parseDouble(args[3]) : 1e-8;
        KernelChoice choice = args.length > 4 ? KernelChoice.parse(args[4]) : KernelChoice.AUTO;
        int threads = args.length > 5 ? Integer.parseInt(args[5]) : 1;
        KernelProvider provider = Kernels.select(choice, threads);
        EnergyModel model = new EnergyModel(potential());
        MinimizerConfig config = MinimizerConfig.defaults().withAlgorithm(kind).withForceTolerance(tolerance)
                .withMaxIterations(1_000_000);
        // warm-up: a loose minimization of a copy compiles the same code
        Minimizers.create(config.withForceTolerance(1e-2)).minimize(new EnergyEvaluator(system.copy(), model, provider, 0.3));
        EnergyEvaluator surface = new EnergyEvaluator(system, model, provider, 0.3);
        long cpu0 = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        MinimizationResult r = Minimizers.create(config).minimize(surface);
        double seconds = (System.nanoTime() - t0) * 1e-9;
        double cpu = (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu0) * 1e-9;
        System.out.println(String.format(Locale.ROOT,
                "algorithm=%s kernel=%s threads=%d N=%d status=%s iterations=%d force_evaluations=%d seconds=%.4f "
                        + "cpu_seconds=%.4f ms_per_evaluation=%.4f energy_per_particle=%.10f max_force=%.3e "
                        + "neighbor_builds=%d",
                kind.label(), provider.name(), threads, system.size(), r.status(), r.iterations(), r.forceEvaluations(),
                seconds, cpu, 1e3 * seconds / r.forceEvaluations(), r.energy() / system.size(), r.maxForce(),
                surface.neighborList().rebuildCount()));
    }
}
