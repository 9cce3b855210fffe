package org.mdsens.app.output;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.mdsens.md.model.EnergyModel;
import org.mdsens.md.potential.LennardJones;
import org.mdsens.md.potential.Morse;
import org.mdsens.md.potential.SoftSphere;
import org.mdsens.md.space.Box;
import org.mdsens.md.system.ParticleSystem;
import org.mdsens.sensitivity.implicit.SolveReport;
import org.mdsens.sensitivity.linalg.SolveStatus;
import org.mdsens.sensitivity.md.ParameterSensitivity;
import org.mdsens.sensitivity.md.SensitivityStatus;

/** The name mangling rule, drawing diameters and the CSV layout. */
class OutputNamesTest {

    @Test
    void manglingFollowsDesignSection5() {
        assertEquals("diameter_B", OutputNames.mangle("diameter[B]"));
        assertEquals("sigma_A_B", OutputNames.mangle("sigma[A,B]"));
        assertEquals("sigma_A_B", OutputNames.mangle("sigma[A, B]"));
        assertEquals("position_17", OutputNames.mangle("position[17]"));
        assertEquals("position_17_x", OutputNames.mangle("position[17].x"));
        assertEquals("bond_k_stiff", OutputNames.mangle("bond_k[stiff]"), "underscore is not alphanumeric: one run");
        assertEquals("alpha", OutputNames.mangle("alpha"));
        assertEquals("sigma_A_B", OutputNames.mangle(OutputNames.mangle("sigma[A,B]")), "idempotent");
        assertEquals("dpos_d_epsilon_A_B", OutputNames.positionColumn("epsilon[A,B]"));
        assertEquals("sensitivity_diameter_B", OutputNames.sensitivityFigure("diameter[B]"));
        assertEquals("d_pressure_d_diameter_B", OutputNames.derivativeColumn("pressure", "diameter[B]"));
    }

    @Test
    void drawingDiametersComeFromEachPotentialsLengthScale() {
        List<String> ab = List.of("A", "B");
        EnergyModel soft = new EnergyModel(SoftSphere.builder(ab).diameter("A", 1.0).diameter("B", 1.4).build());
        assertArrayEquals(new double[] {1.0, 1.4}, SpeciesDiameters.of(soft, ab));
        EnergyModel ka = new EnergyModel(LennardJones.builder(ab).sigma("A", 1).epsilon("A", 1).sigma("B", 0.88)
                .epsilon("B", 0.5).pairSigma("A", "B", 0.8).pairEpsilon("A", "B", 1.5).cutoffInSigma(2.5).shift(true).build());
        assertArrayEquals(new double[] {1.0, 0.88}, SpeciesDiameters.of(ka, ab), 1e-15);
        EnergyModel morse = new EnergyModel(Morse.builder(ab).pair("A", "A", 1, 1.1, 2).pair("B", "B", 1, 1.3, 2)
                .pair("A", "B", 1, 1.2, 2).cutoff(3.0).build());
        assertArrayEquals(new double[] {1.1, 1.3}, SpeciesDiameters.of(morse, ab), 1e-15);
    }

    @Test
    void csvHasOneRowPerParticleAndParameterWithQuotedPairNames() throws IOException {
        ParticleSystem s = new ParticleSystem(new Box.Periodic(new double[] {5, 5}), new double[] {0, 0, 1, 1, 2, 2},
                new int[] {0, 1, 0}, List.of("A", "B"), new double[] {1, 1});
        SolveReport k = new SolveReport(SolveStatus.CONVERGED, "CG", 3, 3, 1e-12, 1e-12, 1e-13, 0.5, 1e-9);
        ParameterSensitivity p = new ParameterSensitivity("sigma[A,B]", SensitivityStatus.OK,
                new double[] {0.5, -0.25, 0.1, 0.2, -0.6, 0.05}, 1, 0, 0, k);
        ParameterSensitivity q = new ParameterSensitivity("alpha", SensitivityStatus.OK, new double[6], 0, 0, 0, k);
        StringBuilder sb = new StringBuilder();
        SensitivityCsv.write(sb, s, List.of(p, q));
        assertEquals(String.join("\n",
                "particle,species,parameter,dx,dy,dz",
                "0,A,\"sigma[A,B]\",0.5,-0.25,0.0",
                "1,B,\"sigma[A,B]\",0.1,0.2,0.0",
                "2,A,\"sigma[A,B]\",-0.6,0.05,0.0",
                "0,A,alpha,0.0,0.0,0.0",
                "1,B,alpha,0.0,0.0,0.0",
                "2,A,alpha,0.0,0.0,0.0", ""), sb.toString());
    }
}
