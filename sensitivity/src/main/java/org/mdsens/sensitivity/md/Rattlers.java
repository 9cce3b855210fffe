package org.mdsens.sensitivity.md;

import java.util.Arrays;

import org.mdsens.md.kernel.PairBatch;
import org.mdsens.md.model.EnergyEvaluator;
import org.mdsens.md.model.EnergyModel;
import org.mdsens.md.model.HarmonicBonds;
import org.mdsens.md.neighbor.NeighborList;
import org.mdsens.md.potential.PairPotential;
import org.mdsens.md.potential.PotentialKind;
import org.mdsens.md.potential.RadialFunction;
import org.mdsens.md.system.ParticleSystem;

/**
 * Rattler detection for contact potentials (DESIGN.md §4): particles that do not belong to the
 * rigid, force-bearing backbone of a packing and whose Hessian rows are (numerically) zero.
 *
 * <p>Contacts. A pair (i, j) of species (a, b) is a contact when its overlap δ = σ_ab − r is
 * positive (σ_ab is the pair's cutoff, the contact distance of a soft sphere) and
 * <ul>
 *   <li>with an explicit overlap threshold τ &gt; 0: δ &gt; τ;</li>
 *   <li>by default: δ &gt; 10⁻¹²·σ_ab and the pair force |φ'(r)| exceeds the force tolerance f_tol at
 *       which the minimum was found. For the soft sphere φ = (ε/α)(1 − r/σ)^α this is the overlap
 *       threshold δ_c = σ (f_tol σ/ε)^{1/(α−1)} (δ_c = f_tol σ²/ε for α = 2). Rationale: a contact
 *       that carries less force than the residual force of the minimization cannot be told from a
 *       pair that merely touches at that precision, and at α = 2 its Hessian term jumps on
 *       touching, so such a contact must not hold a particle in place.</li>
 * </ul>
 * A harmonic bond always counts as a contact of both ends.
 *
 * <p>Rattlers. Particles with fewer than d + 1 contacts are removed, their contacts are dropped
 * from their partners' counts, and the rule is applied again until no particle is removed (the
 * standard recursive rattler rule of jamming studies). Detection is done only for contact
 * potentials, {@link PotentialKind#SOFT_SPHERE} and {@link PotentialKind#WCA}
 * ({@link #appliesTo}); for other models there are no rattlers.
 *
 * <p>Indices are 0-based in input order, ascending. Immutable and thread-safe once built.
 */
public final class Rattlers {

    private final int[] rattlers;
    private final boolean[] isRattler;
    private final int[] contacts;
    private final int backboneContacts;

    private Rattlers(int[] rattlers, boolean[] isRattler, int[] contacts, int backboneContacts) {
        this.rattlers = rattlers;
        this.isRattler = isRattler;
        this.contacts = contacts;
        this.backboneContacts = backboneContacts;
    }

    /** True when the model's pair potential is a contact potential (soft sphere or WCA). */
    public static boolean appliesTo(EnergyModel model) {
        PotentialKind k = model.pair().kind();
        return k == PotentialKind.SOFT_SPHERE || k == PotentialKind.WCA;
    }

    /** No rattlers among {@code n} particles (contact counts unknown: −1). */
    public static Rattlers none(int n) {
        int[] c = new int[n];
        Arrays.fill(c, -1);
        return new Rattlers(new int[0], new boolean[n], c, -1);
    }

    /**
     * Detects the rattlers of the evaluator's system at its current positions (which are not
     * moved; the neighbor list is updated).
     *
     * @param evaluator        the system and model
     * @param forceTolerance   the force tolerance the minimum was found at (&gt; 0), used by the default rule
     * @param overlapThreshold explicit overlap threshold τ (&gt; 0), or 0 / NaN for the default rule
     * @return the rattlers; {@link #none} when the model is not a contact potential
     */
    public static Rattlers detect(EnergyEvaluator evaluator, double forceTolerance, double overlapThreshold) {
        if (!(forceTolerance > 0)) {
            throw new IllegalArgumentException("force tolerance must be > 0, got " + forceTolerance);
        }
        if (overlapThreshold < 0) {
            throw new IllegalArgumentException("overlap threshold must be >= 0 (0 for the default rule), got "
                    + overlapThreshold);
        }
        ParticleSystem system = evaluator.system();
        EnergyModel model = evaluator.model();
        int n = system.size();
        if (!appliesTo(model)) return none(n);
        boolean explicit = overlapThreshold > 0;
        int d = system.dimension();
        PairPotential pair = model.pair();
        int s = pair.speciesNames().size();
        RadialFunction[] table = new RadialFunction[s * s];
        double[] cut2 = new double[s * s];
        for (int a = 0; a < s; a++) {
            for (int b = 0; b < s; b++) {
                table[a * s + b] = pair.pair(a, b);
                double c = table[a * s + b].cutoff();
                cut2[a * s + b] = c * c;
            }
        }
        NeighborList list = evaluator.neighborList();
        list.update(system);
        PairBatch batch = new PairBatch(s, cut2);
        batch.bind(system, list);
        HarmonicBonds bonds = model.bonds();
        int[] ci = new int[Math.max(16, 4 * n)];
        int[] cj = new int[ci.length];
        int m = 0;
        for (int i = 0; i < n; i++) {
            int g = batch.gather(i);
            for (int p = 0; p < g; p++) {
                RadialFunction f = table[batch.type[p]];
                double sigma = f.cutoff();
                double r = Math.sqrt(batch.r2[p]);
                double overlap = sigma - r;
                boolean contact = explicit
                        ? overlap > overlapThreshold
                        : overlap > 1e-12 * sigma && Math.abs(f.firstDerivative(r)) > forceTolerance;
                if (!contact) continue;
                if (m == ci.length) {
                    ci = Arrays.copyOf(ci, 2 * m);
                    cj = Arrays.copyOf(cj, 2 * m);
                }
                ci[m] = i;
                cj[m] = batch.other[p];
                m++;
            }
        }
        int total = m + bonds.size();
        int[] from = new int[total];
        int[] to = new int[total];
        System.arraycopy(ci, 0, from, 0, m);
        System.arraycopy(cj, 0, to, 0, m);
        for (int b = 0; b < bonds.size(); b++) {
            from[m + b] = bonds.first(b);
            to[m + b] = bonds.second(b);
        }
        return prune(n, d, from, to);
    }

    /**
     * The recursive d+1 rule on an explicit contact list (pairs {@code from[c]}–{@code to[c]},
     * duplicates counted twice); exposed for tests and for callers with their own contact rule.
     */
    public static Rattlers prune(int n, int dimension, int[] from, int[] to) {
        if (from.length != to.length) {
            throw new IllegalArgumentException("contact arrays must have equal lengths, got " + from.length
                    + " and " + to.length);
        }
        // one small method per loop: each is compiled once on its own instead of this method being
        // on-stack-replaced at each of its loops (it runs once per sensitivity computation)
        int[] degree = degrees(n, from, to);
        int[] offsets = offsets(degree);
        int[] adjacent = adjacency(offsets, from, to);
        int need = dimension + 1;
        boolean[] removed = new boolean[n];
        int[] queue = new int[n];
        int tail = seed(degree, need, removed, queue);
        tail = peel(offsets, adjacent, degree, need, removed, queue, tail);
        int[] rattlers = removedIndices(removed, tail);
        int backbone = backboneContacts(removed, from, to);
        int[] counts = remainingDegrees(removed, degree);
        return new Rattlers(rattlers, removed, counts, backbone);
    }

    /** Contacts per particle (a duplicate pair counts twice). */
    private static int[] degrees(int n, int[] from, int[] to) {
        int[] degree = new int[n];
        for (int k = 0; k < from.length; k++) {
            degree[from[k]]++;
            degree[to[k]]++;
        }
        return degree;
    }

    /** Prefix sums of the degrees: the adjacency of i is at offsets[i] .. offsets[i + 1]. */
    private static int[] offsets(int[] degree) {
        int n = degree.length;
        int[] offsets = new int[n + 1];
        for (int i = 0; i < n; i++) offsets[i + 1] = offsets[i] + degree[i];
        return offsets;
    }

    /** The neighbours of every particle, in contact order. */
    private static int[] adjacency(int[] offsets, int[] from, int[] to) {
        int c = from.length;
        int[] fill = Arrays.copyOf(offsets, offsets.length - 1);
        int[] adjacent = new int[2 * c];
        for (int k = 0; k < c; k++) {
            adjacent[fill[from[k]]++] = to[k];
            adjacent[fill[to[k]]++] = from[k];
        }
        return adjacent;
    }

    /** Marks and queues the particles with fewer than need contacts; returns the queue length. */
    private static int seed(int[] degree, int need, boolean[] removed, int[] queue) {
        int tail = 0;
        for (int i = 0; i < degree.length; i++) {
            if (degree[i] < need) {
                removed[i] = true;
                queue[tail++] = i;
            }
        }
        return tail;
    }

    /** Removes the queued particles one by one, queueing neighbours that fall below need; returns the queue length. */
    private static int peel(int[] offsets, int[] adjacent, int[] degree, int need, boolean[] removed, int[] queue,
                            int tail) {
        int head = 0;
        while (head < tail) {
            int i = queue[head++];
            for (int q = offsets[i]; q < offsets[i + 1]; q++) {
                int j = adjacent[q];
                degree[j]--;
                if (!removed[j] && degree[j] < need) {
                    removed[j] = true;
                    queue[tail++] = j;
                }
            }
        }
        return tail;
    }

    /** The removed particles, ascending. */
    private static int[] removedIndices(boolean[] removed, int count) {
        int[] rattlers = new int[count];
        int r = 0;
        for (int i = 0; i < removed.length; i++) if (removed[i]) rattlers[r++] = i;
        return rattlers;
    }

    /** Contacts between two kept particles. */
    private static int backboneContacts(boolean[] removed, int[] from, int[] to) {
        int backbone = 0;
        for (int k = 0; k < from.length; k++) if (!removed[from[k]] && !removed[to[k]]) backbone++;
        return backbone;
    }

    /** The remaining degree of each kept particle, 0 for removed ones. */
    private static int[] remainingDegrees(boolean[] removed, int[] degree) {
        int[] counts = new int[removed.length];
        for (int i = 0; i < removed.length; i++) counts[i] = removed[i] ? 0 : degree[i];
        return counts;
    }

    /** Rattler indices, ascending, 0-based in input order (a copy). */
    public int[] indices() { return rattlers.clone(); }

    /** Number of rattlers. */
    public int count() { return rattlers.length; }

    /** Whether particle i is a rattler. */
    public boolean isRattler(int i) { return isRattler[i]; }

    /** Number of particles examined. */
    public int particles() { return isRattler.length; }

    /** Contacts of particle i within the backbone (0 for rattlers; −1 when not detected). */
    public int contacts(int i) { return contacts[i]; }

    /** Number of contacts between backbone particles (−1 when not detected). */
    public int backboneContacts() { return backboneContacts; }

    @Override public String toString() {
        return "Rattlers[" + rattlers.length + " of " + isRattler.length + ", backbone contacts "
                + backboneContacts + (rattlers.length <= 20 ? ", " + Arrays.toString(rattlers) : "") + "]";
    }
}
