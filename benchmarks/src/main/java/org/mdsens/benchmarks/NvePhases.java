package org.mdsens.benchmarks;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.mdsens.md.dynamics.RebuildPolicy;
import org.mdsens.md.dynamics.VelocityVerlet;
import org.mdsens.md.io.LammpsData;
import org.mdsens.md.kernel.ForceKernel;
import org.mdsens.md.kernel.KernelChoice;
import org.mdsens.md.kernel.KernelProvider;
import org.mdsens.md.kernel.Kernels;
import org.mdsens.md.model.EnergyEvaluator;
import org.mdsens.md.model.EnergyModel;
import org.mdsens.md.neighbor.NeighborList;
import org.mdsens.md.parallel.Workers;
import org.mdsens.md.system.ParticleSystem;

/**
 * Where the time of an {@link NveRun} step goes: after a warm-up NVE run, times (median of
 * rounds, and the fastest round, which is less disturbed by other jobs on a shared machine) the
 * neighbor rebuild with its cluster-pair list build, one force call, and 20 NVE steps (one
 * rebuild included), in ns per atom. Usage: {@code NvePhases <data file> [threads=1] [rounds=15] [kernel=auto]}.
 */
public final class NvePhases {

    private NvePhases() { }

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 15;
        KernelChoice choice = args.length > 3 ? KernelChoice.parse(args[3]) : KernelChoice.AUTO;
        KernelProvider provider = Kernels.select(choice, threads);
        ParticleSystem system = LammpsData.read(file, 3, List.of("A")).system();
        EnergyModel model = new EnergyModel(Systems.lennardJones());
        EnergyEvaluator ev = new EnergyEvaluator(system, model, provider, Systems.SKIN);
        VelocityVerlet vv = new VelocityVerlet(ev, 0.005, 20, RebuildPolicy.FIXED);
        vv.createVelocities(1.44, 87287);
        vv.run(300);
        NeighborList list = ev.neighborList();
        Workers workers = Kernels.workers(provider);
        ForceKernel kernel = provider.pairKernel(model.pair());
        double[] f = new double[system.positions().length];
        int n = system.size();
        double[] build = new double[rounds], force = new double[rounds], steps = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            long t0 = System.nanoTime();
            list.rebuild(system);
            list.clusterPairs(workers);
            long t1 = System.nanoTime();
            for (int k = 0; k < 10; k++) kernel.energyAndForces(system, list, f, null);
            long t2 = System.nanoTime();
            vv.run(20);
            long t3 = System.nanoTime();
            build[r] = (t1 - t0) / (double) n;
            force[r] = (t2 - t1) / (10.0 * n);
            steps[r] = (t3 - t2) / (20.0 * n);
        }
        System.out.println(String.format(Locale.ROOT,
                "threads=%d N=%d build_ns_per_atom=%.1f force_ns_per_atom=%.1f step_ns_per_atom=%.1f (medians) "
                        + "min %.1f %.1f %.1f",
                threads, n, median(build), median(force), median(steps), min(build), min(force), min(steps)));
    }

    private static double min(double[] a) {
        double m = Double.POSITIVE_INFINITY;
        for (double v : a) m = Math.min(m, v);
        return m;
    }

    private static double median(double[] a) {
        double[] s = a.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
