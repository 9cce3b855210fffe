package org.mdsens.app.output;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.mdsens.app.job.BuiltJob;
import org.mdsens.app.run.RunOutcome;
import org.mdsens.md.io.ExtendedXyz;
import org.mdsens.md.io.XyzColumn;
import org.mdsens.md.system.ParticleSystem;

/**
 * {@code final.xyz}: extended XYZ (ASE/OVITO dialect) with {@code species}, {@code pos} and
 * {@code forces} (−∇E), rows in input order, positions as the minimizer left them (not wrapped);
 * 2D systems get z = 0, {@code pbc="T T F"} and a unit z lattice vector. The comment line also
 * carries {@code energy}, {@code max_force} and {@code status}. Written atomically.
 */
final class FinalXyz {

    private FinalXyz() { }

    static void write(Path target, BuiltJob job, RunOutcome outcome) throws IOException {
        ParticleSystem system = job.system();
        Map<String, String> info = new LinkedHashMap<>();
        info.put("energy", Double.toString(outcome.result().energy()));
        info.put("max_force", Double.toString(outcome.result().maxForce()));
        info.put("status", outcome.result().status().name());
        List<XyzColumn> columns = List.of(new XyzColumn("forces", system.dimension(), outcome.forces()));
        AtomicFiles.write(target, tmp -> ExtendedXyz.write(tmp, system, columns, info));
    }
}
