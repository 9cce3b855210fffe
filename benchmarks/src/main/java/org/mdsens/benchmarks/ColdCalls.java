package org.mdsens.benchmarks;

import java.util.Arrays;
import java.util.Locale;

import org.mdsens.md.kernel.ForceKernel;
import org.mdsens.md.kernel.KernelChoice;
import org.mdsens.md.kernel.Kernels;
import org.mdsens.md.neighbor.NeighborList;
import org.mdsens.md.system.ParticleSystem;

/**
 * What the JIT costs a force kernel in a fresh JVM: times each of the first force calls on one
 * of {@link Systems}' systems, with no warm-up, and reports the steady time per call (median of
 * the last quarter), how many calls ran before the first one within 1.5× of it, and the warm-up
 * cost: the time of all calls minus calls × steady. This is what a short job pays for a kernel
 * that C2 compiles slowly, which a JMH score (after warm-up) does not show. Usage:
 * {@code ColdCalls <system> [calls=300] [kernel=vector] [threads=1]}; one line of
 * {@code key=value} pairs, then the first 12 call times in ms.
 */
public final class ColdCalls {

    private ColdCalls() { }

    public static void main(String[] args) {
        long start = System.nanoTime();
        String name = args[0];
        int calls = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        KernelChoice choice = args.length > 2 ? KernelChoice.parse(args[2]) : KernelChoice.VECTOR;
        int threads = args.length > 3 ? Integer.parseInt(args[3]) : 1;
        if (calls < 8) throw new IllegalArgumentException("calls must be at least 8, got " + calls);
        Systems.Bench b = Systems.of(name);
        ParticleSystem s = b.system();
        NeighborList list = new NeighborList(b.potential().maxCutoff(), Systems.SKIN);
        list.update(s);
        ForceKernel kernel = Kernels.select(choice, threads).pairKernel(b.potential());
        double[] f = new double[s.positions().length];
        double[] ms = new double[calls];
        long first = System.nanoTime();
        for (int i = 0; i < calls; i++) {
            long t0 = System.nanoTime();
            kernel.energyAndForces(s, list, f, null);
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        double total = (System.nanoTime() - first) / 1e6;
        double[] tail = Arrays.copyOfRange(ms, calls - calls / 4, calls);
        Arrays.sort(tail);
        double steady = tail[tail.length / 2];
        int slow = 0;
        while (slow < calls && ms[slow] > 1.5 * steady) slow++;
        StringBuilder head = new StringBuilder();
        for (int i = 0; i < Math.min(12, calls); i++) head.append(String.format(Locale.ROOT, " %.1f", ms[i]));
        System.out.println(String.format(Locale.ROOT,
                "system=%s kernel=%s threads=%d java=%s calls=%d steady_ms=%.3f slow_calls=%d warmup_s=%.2f "
                        + "calls_s=%.2f setup_s=%.2f",
                name, kernel.name(), threads, Runtime.version().feature(), calls, steady, slow,
                (total - calls * steady) / 1e3, total / 1e3, (first - start) / 1e9));
        System.out.println("first calls, ms:" + head);
    }
}
