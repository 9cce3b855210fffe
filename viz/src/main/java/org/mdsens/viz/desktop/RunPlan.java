package org.mdsens.viz.desktop;

/** What a desktop run does. */
public enum RunPlan {
    /** Minimize (and polish if the job asks), then compute every sensitivity parameter. */
    MINIMIZE_THEN_SENSITIVITY(true, true),
    /** Minimize only. */
    MINIMIZE(true, false),
    /** Sensitivities at the current positions only. */
    SENSITIVITY(false, true);

    private final boolean minimize;
    private final boolean sensitivity;

    RunPlan(boolean minimize, boolean sensitivity) {
        this.minimize = minimize;
        this.sensitivity = sensitivity;
    }

    /** Whether the plan minimizes. */
    public boolean minimizes() { return minimize; }

    /** Whether the plan computes sensitivities. */
    public boolean computesSensitivity() { return sensitivity; }
}
