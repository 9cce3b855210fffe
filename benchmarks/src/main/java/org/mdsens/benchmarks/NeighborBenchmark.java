package org.mdsens.benchmarks;

import java.util.concurrent.TimeUnit;

import org.mdsens.md.neighbor.NeighborList;
import org.mdsens.md.parallel.Workers;
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
 * A neighbor-list rebuild with the layout each kernel family reads: the half list (scalar
 * kernels), the cluster layout of 8 lanes (vector Hessian products and parameter derivatives on
 * AVX-512) or the 4×4 half cluster-pair list (vector energies and forces of Lennard-Jones and Morse).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx3g"})
public class NeighborBenchmark {

    @Param({"lj3d-4000", "lj3d-32000", "lj3d-256000", "ss2d-1024", "ss2d-16384"})
    public String system;

    ParticleSystem particles;
    NeighborList list;

    @Setup(Level.Trial)
    public void setUp() {
        Systems.Bench b = Systems.of(system);
        particles = b.system();
        list = new NeighborList(b.potential().maxCutoff(), Systems.SKIN);
    }

    @Benchmark
    public int halfList() {
        list.rebuild(particles);
        return list.offsets()[1];
    }

    @Benchmark
    public int clusters() {
        list.rebuild(particles);
        return list.clusters(8).entryCount();
    }

    @Benchmark
    public int clusterPairs() {
        list.rebuild(particles);
        return list.clusterPairs(Workers.single()).entryCount();
    }
}
