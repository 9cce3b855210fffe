package org.mdsens.md.potential;

/** The built-in pair potential families, and {@link #CUSTOM} for user potentials. */
public enum PotentialKind {
    SOFT_SPHERE("soft-sphere"),
    LENNARD_JONES("lennard-jones"),
    WCA("wca"),
    MORSE("morse"),
    CUSTOM("custom");

    private final String label;

    PotentialKind(String label) { this.label = label; }

    /** The job-file spelling ({@code soft-sphere}, {@code lennard-jones}, ...). */
    public String label() { return label; }

    /** Parses a job-file spelling; throws {@link IllegalArgumentException} naming the valid ones. */
    public static PotentialKind fromLabel(String label) {
        for (PotentialKind k : values()) if (k.label.equals(label)) return k;
        throw new IllegalArgumentException("potential kind must be one of soft-sphere, lennard-jones, wca, morse, got '"
                + label + "'");
    }
}
