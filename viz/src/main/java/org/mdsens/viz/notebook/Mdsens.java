package org.mdsens.viz.notebook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.mdsens.md.io.ExtendedXyz;
import org.mdsens.md.io.LammpsData;
import org.mdsens.md.io.LammpsDataFile;
import org.mdsens.md.model.EnergyModel;
import org.mdsens.md.system.ParticleSystem;

/**
 * Where a notebook starts: build or load a particle system, minimize it, and ask how its equilibrium
 * moves with the potential's parameters. Every step returns an object with a useful {@code toString()}
 * and, in Jupyter after {@link Notebook#enable()}, an inline display.
 *
 * <pre>{@code
 * import org.mdsens.viz.notebook.*;
 * Notebook.enable();
 * var minimum = Mdsens.softSpheres2D(128).diameters(1.0, 1.4).packingFraction(0.9).alpha(2).seed(7)
 *         .setup().newtonPolish(true).minimize();          // FIRE 2.0 to max force 1e-10, then Newton
 * minimum                                                  // summary table
 * var s = minimum.sensitivity("diameter[B]");              // how x* moves with D_B (implicit differentiation)
 * s.picture()                                              // arrows on the packing
 * s.histogram()
 * s.save("dx_dDB.svg");
 * }</pre>
 *
 * <p>Files: {@link #readXyz} (extended XYZ, ASE/OVITO dialect) and {@link #readLammpsData} (LAMMPS data,
 * atom_style atomic) give a {@link Setup} without a potential; add one with
 * {@link Setup#softSpheres(double...)}, {@link Setup#potential} or {@link Setup#model}. File problems are
 * thrown as {@link UncheckedIOException} (unreadable) or {@link IllegalArgumentException} (malformed, with
 * file and line), so notebook code needs no {@code try}.
 *
 * <p>Nothing here needs a Jupyter kernel, and nothing needs a JVM flag: without
 * {@code --add-modules jdk.incubator.vector} the scalar force kernels are used. Stateless; thread-safe.
 */
public final class Mdsens {

    private Mdsens() { }

    /** A random 2D soft-sphere packing of {@code count} particles (see {@link SoftSpheres} for the defaults). */
    public static SoftSpheres softSpheres2D(int count) { return SoftSpheres.of(2, count); }

    /** A random 3D soft-sphere packing of {@code count} particles. */
    public static SoftSpheres softSpheres3D(int count) { return SoftSpheres.of(3, count); }

    /** A setup from a configuration and an energy model (both as built with the md-core API). */
    public static Setup of(ParticleSystem system, EnergyModel model) { return Setup.of(system, model, "configuration"); }

    /**
     * The first frame of an extended XYZ file (dimension from the file: 2D when {@code pbc="T T F"} and
     * z = 0); species in order of appearance.
     */
    public static Setup readXyz(Path file) {
        try {
            return Setup.of(ExtendedXyz.read(file).system(), null, "file " + file.getFileName());
        } catch (IOException e) {
            throw unreadable(file, e);
        }
    }

    private static UncheckedIOException unreadable(Path file, IOException e) {
        String why = e instanceof java.nio.file.NoSuchFileException ? "no such file" : e.getMessage();
        return new UncheckedIOException("cannot read " + file.toAbsolutePath() + ": " + why, e);
    }

    /** {@link #readXyz(Path)} of a path given as text. */
    public static Setup readXyz(String file) { return readXyz(Path.of(file)); }

    /**
     * A LAMMPS data file (atom_style atomic, orthogonal periodic box). Bonds in the file are not used
     * here; build an {@link EnergyModel} with harmonic bonds and pass it to {@link Setup#model} for that.
     *
     * @param dimension LAMMPS data files do not say: 2 or 3
     * @param species   names of atom types 1, 2, ... (none: "1", "2", ...)
     */
    public static Setup readLammpsData(Path file, int dimension, String... species) {
        try {
            List<String> names = species == null || species.length == 0 ? null : Arrays.asList(species.clone());
            LammpsDataFile data = LammpsData.read(file, dimension, names);
            return Setup.of(data.system(), null, "file " + file.getFileName());
        } catch (IOException e) {
            throw unreadable(file, e);
        }
    }

    /** {@link #readLammpsData(Path, int, String...)} of a path given as text. */
    public static Setup readLammpsData(String file, int dimension, String... species) {
        return readLammpsData(Path.of(file), dimension, species);
    }
}
