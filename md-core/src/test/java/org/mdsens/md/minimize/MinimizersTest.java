package org.mdsens.md.minimize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The factory maps every kind to its implementation. */
class MinimizersTest {

    @Test
    void createSwitchesOnTheAlgorithm() {
        MinimizerConfig c = MinimizerConfig.defaults();
        assertInstanceOf(FireMinimizer.class, Minimizers.create(c));
        assertInstanceOf(FireClassicMinimizer.class, Minimizers.create(c.withAlgorithm(MinimizerKind.FIRE_CLASSIC)));
        assertInstanceOf(LbfgsMinimizer.class, Minimizers.create(c.withAlgorithm(MinimizerKind.LBFGS)));
        assertInstanceOf(GradientDescentMinimizer.class, Minimizers.create(c.withAlgorithm(MinimizerKind.GRADIENT_DESCENT)));
        assertEquals(LbfgsMinimizer.DEFAULT_MEMORY, ((LbfgsMinimizer) Minimizers.create(c.withAlgorithm(MinimizerKind.LBFGS))).memory());
        var e = assertThrows(IllegalArgumentException.class, () -> Minimizers.create(null));
        assertEquals("config must not be null", e.getMessage());
    }

    @Test
    void wrongPositionLengthIsRejected() {
        PotentialSurface bad = new PotentialSurface() {
            @Override public int dimension() { return 3; }
            @Override public int size() { return 2; }
            @Override public double[] positions() { return new double[5]; }
            @Override public double computeForces(double[] forces) { return 0; }
        };
        var e = assertThrows(IllegalArgumentException.class, () -> Minimizers.create(MinimizerConfig.defaults()).minimize(bad));
        assertEquals("surface positions must have length d·N = 6, got 5", e.getMessage());
    }
}
