package org.mdsens.viz.desktop;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * What the desktop app needs from job files, implemented where the job-file reader lives (the
 * {@code app} module; {@code viz} cannot see it). The app calls these methods off the event thread
 * when they may be slow (loading, building, generating).
 *
 * <p>Errors: unusable input (a job file with a bad key or value, a structure file that does not
 * parse, a value out of range) is an {@link IllegalArgumentException} whose message is the one line
 * the command line prints for the same problem (file, line or key, what is wrong, what would be
 * right), without the {@code mdsens: } prefix. I/O failures are {@link IOException}s. The app shows
 * either message in a dialog, never a stack trace.
 *
 * <p>Implementations are stateless and thread-safe.
 */
public interface JobGateway {

    /** Reads and builds a job file (a {@code [sweep]} section is ignored with a warning). */
    DesktopJob load(Path jobFile) throws IOException;

    /** Builds a job from an edited draft: the same checks as loading the job file the draft would save. */
    DesktopJob build(JobDraft draft);

    /**
     * Checks a draft as the job reader would (keys, types, ranges, species names), without building
     * the system; cheap enough for the event thread.
     */
    void check(JobDraft draft);

    /** A new job: the defaults a physicist would start from (the paper's 2D bidisperse soft spheres). */
    JobDraft newDraft();

    /**
     * The draft with its {@code [system]} replaced by a structure file (extended XYZ, LAMMPS data or
     * dump, chosen by extension), keeping the species, potential, minimizer and sensitivity settings.
     * Not checked: build it to find out whether the file reads.
     */
    JobDraft withStructure(JobDraft draft, Path structureFile);

    /**
     * The draft with its {@code [system]} replaced by a default random packing of the draft's species
     * (equal fractions, packing fraction 0.9 or density 0.9, seed 1, the draft's dimension if known).
     */
    JobDraft withGeneratedSystem(JobDraft draft);

    /**
     * Keys the user may set that the draft leaves at their defaults, for the current potential kind,
     * species and generator: entries with empty text, a type, choices where fixed, and a hint naming
     * the default.
     */
    List<DraftEntry> optionalEntries(JobDraft draft);

    /**
     * The job file text of a draft as it would be saved at {@code target} (relative structure-file
     * paths are rewritten to stay valid from the target's directory).
     */
    String render(JobDraft draft, Path target);

    /** Writes {@link #render} to {@code target} (atomically: a temporary file moved into place). */
    void save(JobDraft draft, Path target) throws IOException;
}
