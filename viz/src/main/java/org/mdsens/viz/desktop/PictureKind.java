package org.mdsens.viz.desktop;

/** What "Export picture" writes. */
public enum PictureKind {
    /** The particle picture with the arrows of the selected parameter. */
    PARTICLES("Particle picture"),
    /** The minimization convergence chart. */
    CONVERGENCE("Convergence chart"),
    /** The histogram of |dx/dθ| of the selected parameter. */
    HISTOGRAM("Sensitivity histogram");

    private final String label;

    PictureKind(String label) { this.label = label; }

    @Override public String toString() { return label; }
}
