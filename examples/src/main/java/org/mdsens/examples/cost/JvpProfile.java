package org.mdsens.examples.cost;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.mdsens.examples.paper.PaperExample;
import org.mdsens.md.kernel.KernelChoice;
import org.mdsens.md.kernel.Kernels;
import org.mdsens.md.minimize.MinimizerConfig;
import org.mdsens.md.minimize.MinimizerKind;
import org.mdsens.md.minimize.Minimizers;
import org.mdsens.md.model.EnergyEvaluator;
import org.mdsens.md.system.ParticleSystem;
import org.mdsens.sensitivity.md.EquilibriumSensitivity;
import org.mdsens.sensitivity.md.ParameterSensitivity;
import org.mdsens.sensitivity.md.SensitivityConfig;

/**
 * A profiling harness for the bare JVP of {@link JvpCostBenchmark} (a development tool, not a measurement of record):
 * minimizes the paper packing once with FIRE to 1e-10 (or reads the minimum from a cache file, so that repeated
 * profiles skip the 13 s minimization), warms the JIT up as the benchmark does, then repeats the bare JVP from scratch
 * {@code reps} times and prints, per repetition, the thread CPU seconds of the setup (construction, assembly,
 * preconditioner) and of the solve, the CG iterations and the relative residual, and their medians. Run it under JFR
 * ({@code -XX:StartFlightRecording=filename=jvp.jfr,settings=profile}) to see where the time goes.
 * With {@code -Dexp.sorted=true} the particles are first put in strips along y (a spatially sorted input order,
 * for comparing memory layouts). Usage: {@code JvpProfile [N (16384)] [seed (1)] [reps (20)] [cache file (none)]}.
 * Not thread-safe.
 */
public final class JvpProfile {

    private JvpProfile() { }

    /** Runs the profile: {@code [N] [seed] [reps] [cache]}. */
    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 16384;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 1L;
        int reps = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        Path cache = args.length > 3 ? Path.of(args[3]) : null;
        ParticleSystem system = PaperExample.packing(n, seed);
        boolean cached = cache != null && Files.exists(cache);
        if (cached) system.setPositions(read(cache, system.positions().length));
        if (Boolean.getBoolean("exp.sorted")) system = sorted(system);
        EnergyEvaluator e = new EnergyEvaluator(system, PaperExample.model(), Kernels.select(KernelChoice.AUTO),
                EnergyEvaluator.defaultSkin(system, PaperExample.model()));
        if (!cached) {
            Minimizers.create(new MinimizerConfig(MinimizerKind.FIRE, JvpCostBenchmark.FORCE_TOLERANCE, 10_000_000,
                    JvpCostBenchmark.TIMESTEP, 0.1)).minimize(e);
            if (cache != null) write(cache, e.positions());
        }
        JvpCostBenchmark.warmUp(Math.min(n, JvpCostBenchmark.WARMUP_SIZE), seed + 1);
        SensitivityConfig bare = SensitivityConfig.defaults().withRelativeTolerance(JvpCostBenchmark.KRYLOV_TOLERANCE)
                .withForceTolerance(JvpCostBenchmark.FORCE_TOLERANCE).withEigenvalueEstimate(false).withErrorEstimates(false);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double[] setup = new double[reps], solve = new double[reps];
        for (int c = 0; c < reps; c++) {
            long t0 = threads.getCurrentThreadCpuTime();
            EquilibriumSensitivity s = new EquilibriumSensitivity(e, bare);
            s.preconditionerKind();
            long t1 = threads.getCurrentThreadCpuTime();
            ParameterSensitivity j = s.jvp(JvpCostBenchmark.PARAMETER);
            long t2 = threads.getCurrentThreadCpuTime();
            setup[c] = (t1 - t0) * 1e-9;
            solve[c] = (t2 - t1) * 1e-9;
            System.out.printf("rep %2d: setup %.4f s, solve %.4f s, total %.4f s; %s, %d iterations, rel. residual %.3e, |dx| %.10g%n",
                    c, setup[c], solve[c], setup[c] + solve[c], j.status(), j.report().iterations(),
                    j.report().relativeResidual(), j.norm());
        }
        double[] total = new double[reps];
        for (int c = 0; c < reps; c++) total[c] = setup[c] + solve[c];
        System.out.printf("median: setup %.4f s, solve %.4f s, total %.4f s; min: setup %.4f s, solve %.4f s (load %s)%n",
                median(setup), median(solve), median(total), Arrays.stream(setup).min().orElse(0),
                Arrays.stream(solve).min().orElse(0), JvpCostBenchmark.loadAverage());
    }

    /** The system with its particles in strips of width 2 along y, x ascending in each (an experiment). */
    private static ParticleSystem sorted(ParticleSystem s) {
        int n = s.size();
        double[] x = s.positions();
        double[] len = s.box().imageLengths();
        long[] key = new long[n];
        for (int i = 0; i < n; i++) {
            double px = x[2 * i] - len[0] * Math.floor(x[2 * i] / len[0]);
            double py = x[2 * i + 1] - len[1] * Math.floor(x[2 * i + 1] / len[1]);
            long strip = (long) (py / 2.0);
            long pos = (long) (px / len[0] * 1e6);
            key[i] = (strip * 2_000_000L + pos) * 65536L + i;
        }
        Arrays.sort(key);
        double[] nx = new double[2 * n];
        int[] sp = new int[n];
        for (int q = 0; q < n; q++) {
            int i = (int) (key[q] % 65536L);
            nx[2 * q] = x[2 * i];
            nx[2 * q + 1] = x[2 * i + 1];
            sp[q] = s.species(i);
        }
        return new ParticleSystem(s.box(), nx, sp, s.speciesNames(), s.speciesMasses());
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : 0.5 * (s[s.length / 2 - 1] + s[s.length / 2]);
    }

    private static double[] read(Path file, int length) {
        try (DataInputStream in = new DataInputStream(Files.newInputStream(file))) {
            double[] x = new double[length];
            for (int q = 0; q < length; q++) x[q] = in.readDouble();
            return x;
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static void write(Path file, double[] x) {
        try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(file))) {
            for (double v : x) out.writeDouble(v);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
