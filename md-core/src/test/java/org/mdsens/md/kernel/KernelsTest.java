package org.mdsens.md.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Kernel selection. The vector provider class does not exist in this build, so AUTO and VECTOR
 * resolve to scalar whether or not {@code jdk.incubator.vector} is present; VECTOR warns once.
 */
class KernelsTest {

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final PrintStream warnings = new PrintStream(err, true, StandardCharsets.UTF_8);

    @BeforeEach
    void rearm() { Kernels.resetWarning(); }

    private String warned() { return err.toString(StandardCharsets.UTF_8); }

    @Test
    void scalarIsAlwaysScalarAndNeverWarns() {
        assertSame(ScalarKernelProvider.INSTANCE, Kernels.select(KernelChoice.SCALAR, null, warnings));
        assertEquals("", warned());
    }

    @Test
    void autoFallsBackToScalarSilently() {
        assumeFalse(Kernels.vectorModulePresent(), "jdk.incubator.vector is present: the fallback is tested in runs without it (the default suite)");
        assertEquals("scalar", Kernels.select(KernelChoice.AUTO, null, warnings).name());
        assertEquals("scalar", Kernels.select(null, null, warnings).name());
        assertEquals("", warned());
    }

    @Test
    void vectorFallsBackToScalarWithOneWarningNamingTheFix() {
        assumeFalse(Kernels.vectorModulePresent(), "jdk.incubator.vector is present: the fallback is tested in runs without it (the default suite)");
        assertEquals("scalar", Kernels.select(KernelChoice.VECTOR, null, warnings).name());
        assertEquals("scalar", Kernels.select(KernelChoice.VECTOR, null, warnings).name());
        String text = warned();
        assertEquals(1, text.lines().count(), text);
        if (Kernels.vectorModulePresent()) {
            assertTrue(text.contains(Kernels.VECTOR_PROVIDER_CLASS), text);
        } else {
            assertTrue(text.contains("run with --add-modules jdk.incubator.vector on JDK 17+"), text);
        }
    }

    @Test
    void withTheModulePresentAutoAndVectorSelectTheVectorKernelsSilently() {
        // AUTO wraps them in the per-system rule (AutoKernelProviderTest)
        assumeTrue(Kernels.vectorModulePresent(), "jdk.incubator.vector is absent: this runs in the -Pvector pass");
        String vector = Kernels.select(KernelChoice.VECTOR, null, warnings).name();
        assertTrue(vector.startsWith("vector-"), vector);
        // auto asks for vectors of at least 256 bits (VectorKernelProvider.preferredByDefault)
        String auto = Kernels.select(KernelChoice.AUTO, null, warnings).name();
        assertEquals(Integer.parseInt(vector.substring("vector-".length())) >= 256 ? "auto-" + vector : "scalar", auto);
        assertEquals("", warned());
    }

    @Test
    void systemPropertyOverridesTheArgument() {
        assertSame(ScalarKernelProvider.INSTANCE, Kernels.select(KernelChoice.VECTOR, "scalar", warnings));
        assertEquals("", warned());
        String forced = Kernels.select(KernelChoice.SCALAR, " Vector ", warnings).name();
        if (Kernels.vectorModulePresent()) {
            assertTrue(forced.startsWith("vector"), forced);
            assertEquals("", warned());
        } else {
            assertEquals("scalar", forced);
            assertEquals(1, warned().lines().count());
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Kernels.select(KernelChoice.AUTO, "simd", warnings));
        assertTrue(e.getMessage().contains("'simd'"), e.getMessage());
    }

    @Test
    void publicSelectReadsTheProperty() {
        String old = System.getProperty(Kernels.PROPERTY);
        try {
            System.setProperty(Kernels.PROPERTY, "scalar");
            assertSame(ScalarKernelProvider.INSTANCE, Kernels.select(KernelChoice.VECTOR));
        } finally {
            if (old == null) System.clearProperty(Kernels.PROPERTY); else System.setProperty(Kernels.PROPERTY, old);
        }
    }

    static final String PLAIN = FakeVectorProviders.Plain.class.getName();
    static final String NOT_PREFERRED = FakeVectorProviders.NotPreferred.class.getName();
    static final String BROKEN = FakeVectorProviders.Broken.class.getName();

    @Test
    void aVectorProviderClassOnTheClassPathIsLoadedWhenTheModuleIsPresent() {
        assertEquals("auto-vector-fake", Kernels.select(KernelChoice.AUTO, null, warnings, PLAIN, true).name());
        assertEquals("vector-fake", Kernels.select(KernelChoice.VECTOR, null, warnings, PLAIN, true).name());
        assertEquals("scalar", Kernels.select(KernelChoice.SCALAR, null, warnings, PLAIN, true).name());
        assertEquals("", warned());
        // without the module the class is never touched
        assertEquals("scalar", Kernels.select(KernelChoice.AUTO, null, warnings, PLAIN, false).name());
        assertEquals("scalar", Kernels.select(KernelChoice.VECTOR, null, warnings, PLAIN, false).name());
        assertTrue(warned().contains("--add-modules jdk.incubator.vector"), warned());
    }

    @Test
    void autoFollowsTheProvidersFixedRuleAndBrokenProvidersFallBack() {
        assertEquals("scalar", Kernels.select(KernelChoice.AUTO, null, warnings, NOT_PREFERRED, true).name());
        assertEquals("vector-slow", Kernels.select(KernelChoice.VECTOR, null, warnings, NOT_PREFERRED, true).name());
        assertEquals("scalar", Kernels.select(KernelChoice.AUTO, null, warnings, BROKEN, true).name());
        assertEquals("", warned());
        assertEquals("scalar", Kernels.select(KernelChoice.VECTOR, null, warnings, BROKEN, true).name());
        assertTrue(warned().contains(BROKEN), warned());
    }
}
