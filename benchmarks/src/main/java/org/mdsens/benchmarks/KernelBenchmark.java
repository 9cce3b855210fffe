package org.mdsens.benchmarks;

import java.util.concurrent.TimeUnit;

import org.mdsens.md.kernel.ForceKernel;
import org.mdsens.md.kernel.KernelChoice;
import org.mdsens.md.kernel.KernelProvider;
import org.mdsens.md.kernel.Kernels;
import org.mdsens.md.neighbor.NeighborList;
import org.mdsens.md.system.ParticleSystem;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One force (or Hessian-product) evaluation over an up-to-date neighbor list, per system and
 * kernel: {@code scalar} (half list), {@code vector} (cluster pairs, one thread),
 * {@code vector2} (the same on two threads), and {@code auto} / {@code auto2} (what
 * {@code KernelChoice.AUTO} picks for the system, on one / two threads). Divide the time per
 * operation by N for the time per atom; the ratios between kernels measured in one run are what
 * the README reports.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xmx3g"})
public class KernelBenchmark {

    @Param({"lj3d-4000", "lj3d-32000", "lj3d-256000", "ss2d-1024", "ss2d-16384", "ka3d-8000"})
    public String system;

    @Param({"scalar", "vector", "vector2", "auto", "auto2"})
    public String kernel;

    ParticleSystem particles;
    NeighborList list;
    ForceKernel forceKernel;
    double[] forces;
    double[] v;
    double[] out;

    @Setup(Level.Trial)
    public void setUp() {
        Systems.Bench b = Systems.of(system);
        particles = b.system();
        KernelProvider provider = switch (kernel) {
            case "scalar" -> Kernels.select(KernelChoice.SCALAR);
            case "vector" -> Kernels.select(KernelChoice.VECTOR, 1);
            case "vector2" -> Kernels.select(KernelChoice.VECTOR, 2);
            case "auto" -> Kernels.select(KernelChoice.AUTO, 1);
            case "auto2" -> Kernels.select(KernelChoice.AUTO, 2);
            default -> throw new IllegalArgumentException("kernel must be scalar, vector, vector2, auto or auto2, got " + kernel);
        };
        forceKernel = provider.pairKernel(b.potential());
        list = new NeighborList(b.potential().maxCutoff(), Systems.SKIN);
        list.update(particles);
        forces = new double[particles.positions().length];
        v = new double[forces.length];
        out = new double[forces.length];
        for (int i = 0; i < v.length; i++) v[i] = Math.sin(0.37 * i);
        // build the layout the kernel reads outside the measurement
        forceKernel.energyAndForces(particles, list, forces, null);
    }

    @Benchmark
    public double forces() {
        return forceKernel.energyAndForces(particles, list, forces, null) + forces[0];
    }

    @Benchmark
    public double hessianProduct() {
        forceKernel.hessianProduct(particles, list, v, out);
        return out[0];
    }
}
