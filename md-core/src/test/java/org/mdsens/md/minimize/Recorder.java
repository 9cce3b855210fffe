package org.mdsens.md.minimize;

import java.util.ArrayList;
import java.util.List;

/** A listener that records what it sees, snapshots positions, and can cancel (test scope). */
final class Recorder implements MinimizationListener {

    final List<Integer> iterations = new ArrayList<>();
    final List<Double> energies = new ArrayList<>();
    final List<Double> maxForces = new ArrayList<>();
    final List<double[]> positions = new ArrayList<>();
    private final PotentialSurface surface;
    private final int cancelAfter;
    int polls;

    /** Records; snapshots positions of {@code surface} if non-null; cancels after that many iterations (−1: never). */
    Recorder(PotentialSurface surface, int cancelAfter) {
        this.surface = surface;
        this.cancelAfter = cancelAfter;
    }

    Recorder() { this(null, -1); }

    @Override public void onIteration(int iteration, double energy, double maxForce) {
        iterations.add(iteration);
        energies.add(energy);
        maxForces.add(maxForce);
        if (surface != null) positions.add(surface.positions().clone());
    }

    @Override public boolean cancelRequested() {
        polls++;
        return cancelAfter >= 0 && iterations.size() >= cancelAfter;
    }
}
