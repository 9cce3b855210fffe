package org.mdsens.md.potential;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The built-ins' pair functions and parameter derivatives evaluate without allocating (they run
 * inside force loops): the thread's allocated-bytes counter stays flat over 100 000 evaluations.
 * Skipped on JVMs without {@code com.sun.management.ThreadMXBean} allocation accounting.
 */
class AllocationTest {

    static List<Fixtures.Fixture> fixtures() { return Fixtures.all(); }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void evaluationDoesNotAllocate(Fixtures.Fixture f) {
        assumeTrue(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean);
        com.sun.management.ThreadMXBean bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assumeTrue(bean.isThreadAllocatedMemorySupported() && bean.isThreadAllocatedMemoryEnabled());
        PairPotential p = f.potential();
        RadialFunction g = p.pair(0, 1);
        RadialFunction d = p.parameterDerivative(p.parameterIndex(p.parameterNames().get(0)), 0, 0);
        double rc = g.cutoff();
        long thread = Thread.currentThread().getId();
        double sink = run(g, d, rc, 1000);   // warm up (class loading, lambda forms)
        long before = bean.getThreadAllocatedBytes(thread);
        sink += run(g, d, rc, 100_000);
        long allocated = bean.getThreadAllocatedBytes(thread) - before;
        double s = sink;
        assertTrue(allocated < 4096, () -> f + ": allocated " + allocated + " bytes over 100000 evaluations (sink " + s + ")");
    }

    private static double run(RadialFunction g, RadialFunction d, double rc, int n) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            double r = rc * (0.5 + 0.6 * (i % 997) / 997.0);
            s += g.energy(r) + g.firstDerivative(r) + g.secondDerivative(r);
            s += d.energy(r) + d.firstDerivative(r) + d.secondDerivative(r);
        }
        return s;
    }
}
