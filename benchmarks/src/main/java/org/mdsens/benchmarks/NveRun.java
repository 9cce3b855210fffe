package org.mdsens.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.mdsens.md.dynamics.RebuildPolicy;
import org.mdsens.md.dynamics.VelocityVerlet;
import org.mdsens.md.io.LammpsData;
import org.mdsens.md.kernel.KernelChoice;
import org.mdsens.md.kernel.KernelProvider;
import org.mdsens.md.kernel.Kernels;
import org.mdsens.md.model.EnergyEvaluator;
import org.mdsens.md.model.EnergyModel;
import org.mdsens.md.system.ParticleSystem;

/**
 * The mdsens side of {@code compare-lammps.sh}: the {@code bench/in.lj} run (velocity 1.44 seed
 * 87287, {@code lj/cut 2.5}, skin 0.3, rebuild every 20 steps, NVE, Δt = 0.005) on a LAMMPS
 * data file, after a JIT warm-up on a copy of the system. Prints one line of
 * {@code key=value} pairs: atom-steps per second (wall clock), the thread CPU time per atom-step,
 * rebuild counts and energies.
 *
 * <p>Usage: {@code NveRun <data file> <steps> [warm-up steps=200] [kernel=auto] [threads=1] [policy=fixed]},
 * policy {@code fixed} (rebuild every 20 steps only, as LAMMPS {@code check no}) or {@code safe}
 * (also whenever a particle moved more than skin/2).
 */
public final class NveRun {

    private NveRun() { }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: NveRun <data file> <steps> [warm-up steps] [auto|scalar|vector] [threads] [fixed|safe]");
            System.exit(2);
        }
        Path file = Path.of(args[0]);
        int steps = Integer.parseInt(args[1]);
        int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        KernelChoice choice = args.length > 3 ? KernelChoice.parse(args[3]) : KernelChoice.AUTO;
        int threads = args.length > 4 ? Integer.parseInt(args[4]) : 1;
        RebuildPolicy policy = args.length > 5 ? RebuildPolicy.valueOf(args[5].toUpperCase(Locale.ROOT)) : RebuildPolicy.FIXED;
        KernelProvider provider = Kernels.select(choice, threads);
        ParticleSystem system = LammpsData.read(file, 3, List.of("A")).system();
        EnergyModel model = new EnergyModel(Systems.lennardJones());
        if (warmup > 0) {
            VelocityVerlet w = integrator(system.copy(), model, provider, policy);
            w.run(warmup);
        }
        VelocityVerlet vv = integrator(system, model, provider, policy);
        double e0 = vv.totalEnergy();
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long c0 = mx.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        vv.run(steps);
        long t1 = System.nanoTime();
        long c1 = mx.getCurrentThreadCpuTime();
        double atomSteps = (double) system.size() * steps;
        System.out.println(String.format(Locale.ROOT,
                "kernel=%s threads=%d policy=%s N=%d steps=%d seconds=%.4f atom_steps_per_s=%.4e cpu_ns_per_atom_step=%.2f "
                        + "scheduled_rebuilds=%d safety_rebuilds=%d dangerous_rebuilds=%d e0_per_atom=%.6f e_per_atom=%.6f "
                        + "temperature=%.4f",
                provider.name(), threads, policy.name().toLowerCase(Locale.ROOT), system.size(), steps, (t1 - t0) * 1e-9,
                atomSteps / ((t1 - t0) * 1e-9), (c1 - c0) / atomSteps, vv.scheduledRebuilds(), vv.safetyRebuilds(),
                vv.dangerousRebuilds(), e0 / system.size(),
                vv.totalEnergy() / system.size(), vv.temperature()));
    }

    static VelocityVerlet integrator(ParticleSystem s, EnergyModel model, KernelProvider provider, RebuildPolicy policy) {
        VelocityVerlet vv = new VelocityVerlet(new EnergyEvaluator(s, model, provider, Systems.SKIN), 0.005, 20, policy);
        vv.createVelocities(1.44, 87287);
        return vv;
    }
}
