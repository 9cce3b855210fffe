package org.mdsens.benchmarks;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

import org.mdsens.md.io.LammpsData;
import org.mdsens.md.kernel.ForceKernel;
import org.mdsens.md.kernel.KernelChoice;
import org.mdsens.md.kernel.KernelProvider;
import org.mdsens.md.kernel.Kernels;
import org.mdsens.md.minimize.MinimizationResult;
import org.mdsens.md.minimize.MinimizerConfig;
import org.mdsens.md.minimize.MinimizerKind;
import org.mdsens.md.minimize.Minimizers;
import org.mdsens.md.minimize.PotentialSurface;
import org.mdsens.md.model.EnergyEvaluator;
import org.mdsens.md.model.EnergyModel;
import org.mdsens.md.neighbor.NeighborList;
import org.mdsens.md.system.ParticleSystem;

/**
 * Where a minimizer's force evaluation goes on the Kob–Andersen glass of {@link KaGlass}: a
 * {@link PotentialSurface} that does what {@link EnergyEvaluator#computeForces} does for a pair
 * potential without bonds (neighbor-list check, rebuild, pair kernel with or without the virial),
 * timing each part with {@link System#nanoTime()}; the rest of the wall time is the minimizer's own
 * work (line search, two-loop recursion, copies, max-force norms).
 *
 * <p>Usage: {@code KaProfile <file> <fire|lbfgs> [tolerance=1e-8] [kernel=vector] [virial=true] [timestep=0.005]}
 * (the timestep is FIRE's Δt₀, {@link MinimizerConfig#timestep()}); one
 * line of {@code key=value} pairs (times in ms per evaluation). Kernel time is split into
 * evaluations right after a rebuild (which include deriving the kernel's neighbor layout) and the
 * others.
 */
public final class KaProfile {

    private KaProfile() { }

    /** The timed surface. */
    static final class TimedSurface implements PotentialSurface {
        final ParticleSystem system;
        final NeighborList list;
        final ForceKernel kernel;
        final double[] virial;
        long check, rebuild, kernelAfterRebuild, kernelOther, total;
        int rebuilds, evaluations;

        TimedSurface(ParticleSystem system, EnergyModel model, KernelProvider provider, double skin, boolean virial) {
            this.system = system;
            this.list = new NeighborList(model.pair().maxCutoff(), skin);
            this.kernel = provider.pairKernel(model.pair());
            this.virial = virial ? new double[1] : null;
        }

        @Override public int dimension() { return system.dimension(); }
        @Override public int size() { return system.size(); }
        @Override public double[] positions() { return system.positions(); }

        @Override
        public double computeForces(double[] forces) {
            long t0 = System.nanoTime();
            boolean stale = list.needsRebuild(system);
            long t1 = System.nanoTime();
            if (stale) {
                list.rebuild(system);
                rebuilds++;
            }
            long t2 = System.nanoTime();
            double e = kernel.energyAndForces(system, list, forces, virial);
            long t3 = System.nanoTime();
            check += t1 - t0;
            rebuild += t2 - t1;
            if (stale) kernelAfterRebuild += t3 - t2;
            else kernelOther += t3 - t2;
            total += t3 - t0;
            evaluations++;
            return e;
        }
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: KaProfile <file> <fire|lbfgs> [tolerance] [kernel] [virial] [timestep]");
            System.exit(2);
        }
        MinimizerKind kind = MinimizerKind.fromLabel(args[1]);
        double tolerance = args.length > 2 ? Double.parseDouble(args[2]) : 1e-8;
        KernelChoice choice = args.length > 3 ? KernelChoice.parse(args[3]) : KernelChoice.VECTOR;
        boolean virial = args.length <= 4 || Boolean.parseBoolean(args[4]);
        double timestep = args.length > 5 ? Double.parseDouble(args[5]) : MinimizerConfig.defaults().timestep();
        KernelProvider provider = Kernels.select(choice, 1);
        EnergyModel model = new EnergyModel(KaGlass.potential());
        MinimizerConfig config = MinimizerConfig.defaults().withAlgorithm(kind).withForceTolerance(tolerance)
                .withMaxIterations(1_000_000).withTimestep(timestep);
        ParticleSystem system = LammpsData.read(Path.of(args[0]), 3, KaGlass.AB).system();
        Minimizers.create(config.withForceTolerance(1e-2))
                .minimize(new TimedSurface(system.copy(), model, provider, 0.3, virial));
        TimedSurface surface = new TimedSurface(system, model, provider, 0.3, virial);
        long t0 = System.nanoTime();
        MinimizationResult r = Minimizers.create(config).minimize(surface);
        long wall = System.nanoTime() - t0;
        int ev = surface.evaluations;
        int other = ev - surface.rebuilds;
        System.out.println(String.format(Locale.ROOT,
                "algorithm=%s timestep=%s kernel=%s virial=%b status=%s iterations=%d force_evaluations=%d rebuilds=%d seconds=%.3f "
                        + "ms_per_evaluation=%.4f surface=%.4f check=%.4f rebuild=%.4f kernel=%.4f "
                        + "kernel_no_rebuild_per_call=%.4f kernel_after_rebuild_per_call=%.4f minimizer=%.4f "
                        + "energy_per_particle=%.10f",
                kind.label(), timestep, provider.name(), virial, r.status(), r.iterations(), ev, surface.rebuilds, wall * 1e-9,
                ms(wall, ev), ms(surface.total, ev), ms(surface.check, ev), ms(surface.rebuild, ev),
                ms(surface.kernelAfterRebuild + surface.kernelOther, ev), ms(surface.kernelOther, other),
                ms(surface.kernelAfterRebuild, surface.rebuilds), ms(wall - surface.total, ev),
                r.energy() / system.size()));
    }

    private static double ms(long nanos, int count) {
        return count == 0 ? Double.NaN : 1e-6 * nanos / count;
    }
}
