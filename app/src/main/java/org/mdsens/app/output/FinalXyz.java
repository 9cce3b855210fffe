package org.mdsens.app.output;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.mdsens.app.job.BuiltJob;
import org.mdsens.app.run.RunOutcome;
import org.mdsens.md.io.ExtendedXyz;
import org.mdsens.md.io.XyzColumn;
import org.mdsens.md.system.ParticleSystem;
import org.mdsens.sensitivity.md.ParameterSensitivity;
import org.mdsens.viz.export.AtomicFiles;

/**
 * {@code final.xyz}: extended XYZ (ASE/OVITO dialect) with {@code species}, {@code pos},
 * {@code forces} (−∇E) and, per sensitivity parameter, a {@code dpos_d_<name>:R:3} column with
 * dx*&#47;dθ ({@link OutputNames#positionColumn}; NaN where the sensitivity has no numbers); rows in
 * input order, positions as the minimizer (and polish) left them (not wrapped). 2D systems get
 * z = 0 in every vector column, {@code pbc="T T F"} and a unit z lattice vector. The comment line
 * also carries {@code energy}, {@code max_force} and {@code status}. Written atomically.
 */
final class FinalXyz {

    private FinalXyz() { }

    static void write(Path target, BuiltJob job, RunOutcome outcome) throws IOException {
        ParticleSystem system = job.system();
        Map<String, String> info = new LinkedHashMap<>();
        info.put("energy", Double.toString(outcome.finalEnergy()));
        info.put("max_force", Double.toString(outcome.finalMaxForce()));
        info.put("status", outcome.converged() ? "CONVERGED" : outcome.result().status().name());
        List<XyzColumn> columns = new ArrayList<>();
        columns.add(new XyzColumn("forces", system.dimension(), outcome.forces()));
        if (outcome.sensitivity() != null) {
            for (ParameterSensitivity p : outcome.sensitivity().parameters()) {
                columns.add(new XyzColumn(OutputNames.positionColumn(p.name()), system.dimension(), p.dx()));
            }
        }
        AtomicFiles.writeFile(target, tmp -> ExtendedXyz.write(tmp, system, columns, info));
    }
}
