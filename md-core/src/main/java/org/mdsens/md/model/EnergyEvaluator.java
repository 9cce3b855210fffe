package org.mdsens.md.model;

import java.lang.reflect.Method;
import java.util.Arrays;

import org.mdsens.md.kernel.ForceKernel;
import org.mdsens.md.kernel.KernelChoice;
import org.mdsens.md.kernel.KernelProvider;
import org.mdsens.md.kernel.Kernels;
import org.mdsens.md.kernel.PairBatch;
import org.mdsens.md.minimize.PotentialSurface;
import org.mdsens.md.neighbor.NeighborList;
import org.mdsens.md.potential.PairPotential;
import org.mdsens.md.potential.RadialFunction;
import org.mdsens.md.space.Box;
import org.mdsens.md.system.ParticleSystem;

/**
 * Evaluates an {@link EnergyModel} on a {@link ParticleSystem}: the energy
 * E(x; θ) = Σ_{i&lt;j} φ_{s_i s_j}(r_ij; θ) + Σ_bonds k_T (r_b − r0_T)², its forces, Hessian-vector
 * products and parameter derivatives (DESIGN.md §4), for minimizers ({@link PotentialSurface}) and
 * for implicit differentiation.
 *
 * <p>The pair term goes through a {@link ForceKernel} of the given {@link KernelProvider} over a
 * {@link NeighborList} with cutoff {@link PairPotential#maxCutoff()} and the given skin; the bond
 * term (LAMMPS {@code bond_style harmonic}: k includes the ½; minimum image; bonded pairs also
 * interact through the pair potential) is exact and evaluated here. Every call first updates the
 * neighbor list for the current positions, so callers may move particles freely between calls.
 *
 * <p>Arrays are xyz-interleaved, length d·N, in the system's particle order. Parameter indices
 * follow {@link EnergyModel#parameterNames()}: pair parameters first, then
 * {@code bond_k[T]}..., {@code bond_r0[T]}.... The virial is W = Σ_{i&lt;j} r_ij·f_ij
 * (= −Σ r φ'(r) + bond terms) and the pressure at T = 0 is P = W/(d·V) (NaN for open boxes).
 *
 * <p>Deterministic: the same positions, model and kernel give the same bits. Mutable, not
 * thread-safe: one evaluator per thread (it owns the system's neighbor list and workspaces).
 */
public final class EnergyEvaluator implements PotentialSurface {

    private final ParticleSystem system;
    private final KernelProvider provider;
    private final double skin;
    private EnergyModel model;
    private ForceKernel kernel;
    private NeighborList list;
    private PairBatch batch;
    private RadialFunction[] pairTable;
    private int[] bondFirst;
    private int[] bondSecond;
    private int[] bondType;
    private double[] bondK;
    private double[] bondR0;
    private final double[] scratch;
    private final double[] virialOut = new double[2];
    private final double[] len;
    private final double[] inv;
    private final double[] dr = new double[3];
    private final CompensatedSum sumA = new CompensatedSum();
    private final CompensatedSum sumB = new CompensatedSum();
    private double lastVirial = Double.NaN;
    private boolean virialKnown;
    private long evaluations;

    /**
     * @param system   the particles (held live: minimizers move them in place)
     * @param model    the energy model; its species names must equal the system's
     * @param provider the kernel family (see {@link Kernels#select})
     * @param skin     Verlet skin of the neighbor list (≥ 0); periodic lengths must be at least
     *                 2·(maxCutoff + skin)
     */
    public EnergyEvaluator(ParticleSystem system, EnergyModel model, KernelProvider provider, double skin) {
        if (system == null) throw new IllegalArgumentException("system must not be null");
        if (provider == null) throw new IllegalArgumentException("kernel provider must not be null");
        if (!(skin >= 0) || !Double.isFinite(skin)) throw new IllegalArgumentException("skin must be >= 0, got " + skin);
        this.system = system;
        this.provider = provider;
        this.skin = skin;
        this.scratch = new double[system.positions().length];
        this.len = system.box().imageLengths();      // a system's box never changes
        this.inv = system.box().inverseImageLengths();
        setModel(model);
    }

    /**
     * An evaluator with the {@link KernelChoice#AUTO} kernels and {@link #defaultSkin} for the
     * model's cutoff and the system's box.
     */
    public EnergyEvaluator(ParticleSystem system, EnergyModel model) {
        this(system, model, Kernels.select(KernelChoice.AUTO), defaultSkin(system, model));
    }

    /**
     * min(0.3, cutoff/4), reduced so that every periodic length is at least 2·(cutoff + skin)
     * where the box allows it (never below 0).
     */
    public static double defaultSkin(ParticleSystem system, EnergyModel model) {
        double rc = model.pair().maxCutoff();
        double s = Math.min(0.3, 0.25 * rc);
        for (double l : system.box().imageLengths()) {
            if (l > 0) s = Math.min(s, 0.5 * l - rc);
        }
        return Math.max(0, s);
    }

    /**
     * Replaces the model (e.g. after a parameter change): a new kernel; the neighbor list is
     * recreated when the maximum cutoff changed. Throws {@link IllegalArgumentException} when the
     * species or the bonds do not fit the system, or the box is too small for the cutoff.
     */
    public void setModel(EnergyModel newModel) {
        if (newModel == null) throw new IllegalArgumentException("model must not be null");
        PairPotential pair = newModel.pair();
        if (!pair.speciesNames().equals(system.speciesNames())) {
            throw new IllegalArgumentException("potential species must equal the system species "
                    + system.speciesNames() + ", got " + pair.speciesNames());
        }
        HarmonicBonds bonds = newModel.bonds();
        if (bonds.maxParticleIndex() >= system.size()) {
            throw new IllegalArgumentException("bond particle indices must be below the particle count "
                    + system.size() + ", got " + bonds.maxParticleIndex());
        }
        double rc = pair.maxCutoff();
        if (!(rc > 0) || !Double.isFinite(rc)) {
            throw new IllegalArgumentException("potential maximum cutoff must be > 0 and finite, got " + rc);
        }
        NeighborList newList = list != null && list.cutoff() == rc ? list : new NeighborList(rc, skin);
        newList.update(system); // fails early on a box too small for the cutoff
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
        int nb = bonds.size();
        int[] f = new int[nb], g = new int[nb], t = new int[nb];
        double[] k = new double[nb], r0 = new double[nb];
        for (int b = 0; b < nb; b++) {
            f[b] = bonds.first(b);
            g[b] = bonds.second(b);
            t[b] = bonds.type(b);
            k[b] = bonds.stiffness(t[b]);
            r0[b] = bonds.restLength(t[b]);
        }
        this.kernel = provider.pairKernel(pair);
        this.list = newList;
        this.model = newModel;
        this.pairTable = table;
        this.batch = new PairBatch(s, cut2);
        this.bondFirst = f;
        this.bondSecond = g;
        this.bondType = t;
        this.bondK = k;
        this.bondR0 = r0;
    }

    /** The system evaluated (live: its positions are the ones minimizers move). */
    public ParticleSystem system() { return system; }

    /** The current energy model. */
    public EnergyModel model() { return model; }

    /** The kernel family the pair kernel came from. */
    public KernelProvider provider() { return provider; }

    /** The pair kernel's name ({@code scalar}, {@code vector-512}, ...). */
    public String kernelName() { return kernel.name(); }

    /** The neighbor list (updated by every evaluation). */
    public NeighborList neighborList() { return list; }

    /** Verlet skin of the neighbor list. */
    public double skin() { return skin; }

    /**
     * Number of energy-and-force evaluations so far ({@link #computeForces}, {@link #energy},
     * {@link #virial}, and {@link #lastVirial} when it has to evaluate).
     */
    public long forceEvaluations() { return evaluations; }

    @Override public int dimension() { return system.dimension(); }
    @Override public int size() { return system.size(); }
    @Override public double[] positions() { return system.positions(); }

    /**
     * Overwrites {@code forces} with −∇E (pair + bonds) and returns E. The virial is not summed
     * (minimizers never read it, and on the vector kernels it costs about 15 % of an evaluation of
     * the Kob–Andersen glass); {@link #lastVirial()} computes it on demand. Forces and energy are
     * the same bits as with the virial.
     */
    @Override
    public double computeForces(double[] forces) {
        return evaluate(forces, false);
    }

    /**
     * One evaluation at the current positions: forces into {@code forces}, E returned; with
     * {@code withVirial} also the virial into {@link #lastVirial} (else it is marked unknown).
     */
    private double evaluate(double[] forces, boolean withVirial) {
        checkLength(forces, "forces");
        list.update(system);
        evaluations++;
        double e = kernel.energyAndForces(system, list, forces, withVirial ? virialOut : null);
        double eb = bondEnergyAndForces(forces, withVirial ? virialOut : null);
        lastVirial = withVirial ? virialOut[0] + virialOut[1] : Double.NaN;
        virialKnown = withVirial;
        return e + eb;
    }

    /** E at the current positions (a fresh evaluation). */
    public double energy() {
        return computeForces(scratch);
    }

    /** The virial W at the current positions (a fresh evaluation, counted in {@link #forceEvaluations()}). */
    public double virial() {
        evaluate(scratch, true);
        return lastVirial;
    }

    /**
     * The virial W of the last evaluation if that evaluation summed it ({@link #virial()},
     * {@link #pressure()}), else {@link #virial()}: a fresh evaluation at the current positions,
     * which gives the same bits as the last evaluation would have when the positions have not
     * moved since ({@link #computeForces} leaves the virial out).
     */
    public double lastVirial() {
        return virialKnown ? lastVirial : virial();
    }

    /** Pressure at T = 0, P = W/(d·V), at the current positions; NaN for open boxes. */
    public double pressure() {
        return virial() / (system.dimension() * system.box().volume());
    }

    /** Overwrites {@code out} with H v, H = ∇²E (pair + bonds). */
    public void hessianProduct(double[] v, double[] out) {
        checkLength(v, "v");
        checkLength(out, "out");
        list.update(system);
        kernel.hessianProduct(system, list, v, out);
        final int d = system.dimension();
        for (int b = 0; b < bondFirst.length; b++) {
            int bi = d * bondFirst[b], bj = d * bondSecond[b];
            double r2 = bondDisplacement(b);
            double r = Math.sqrt(r2);
            double k2 = 2 * bondK[b];
            double fOverR = k2 * (r - bondR0[b]) / r;   // φ'/r with φ = k (r − r0)²
            double c = (k2 - fOverR) / r2;              // (φ'' − φ'/r)/r²
            double s = 0;
            for (int a = 0; a < d; a++) s += dr[a] * (v[bi + a] - v[bj + a]);
            for (int a = 0; a < d; a++) {
                double w = fOverR * (v[bi + a] - v[bj + a]) + c * s * dr[a];
                out[bi + a] += w;
                out[bj + a] -= w;
            }
        }
    }

    /** ∂E/∂θ_k at the current positions (pair, or bond_k / bond_r0). */
    public double parameterEnergyDerivative(int k) {
        int pk = checkParameter(k);
        list.update(system);
        if (pk >= 0) return kernel.parameterEnergyDerivative(system, list, pk);
        boolean stiffness = isBondStiffness(k);
        int type = bondParameterType(k);
        CompensatedSum sum = sumA.reset();
        for (int b = 0; b < bondFirst.length; b++) {
            if (bondType[b] != type) continue;
            double u = Math.sqrt(bondDisplacement(b)) - bondR0[b];
            sum.add(stiffness ? u * u : -2 * bondK[b] * u);
        }
        return sum.value();
    }

    /** Overwrites {@code out} with ∂(∇E)/∂θ_k at the current positions. */
    public void parameterGradient(int k, double[] out) {
        checkLength(out, "out");
        int pk = checkParameter(k);
        list.update(system);
        if (pk >= 0) {
            kernel.parameterGradient(system, list, pk, out);
            return;
        }
        Arrays.fill(out, 0.0);
        boolean stiffness = isBondStiffness(k);
        int type = bondParameterType(k);
        final int d = system.dimension();
        for (int b = 0; b < bondFirst.length; b++) {
            if (bondType[b] != type) continue;
            int bi = d * bondFirst[b], bj = d * bondSecond[b];
            double r = Math.sqrt(bondDisplacement(b));
            // ∇_i E_b = 2k (r − r0) n; ∂/∂k: 2 (r − r0) n; ∂/∂r0: −2k n
            double c = (stiffness ? 2 * (r - bondR0[b]) : -2 * bondK[b]) / r;
            for (int a = 0; a < d; a++) {
                out[bi + a] += c * dr[a];
                out[bj + a] -= c * dr[a];
            }
        }
    }

    /**
     * ∂²E/∂θ_k² at the current positions: Σ_{i&lt;j} ∂²φ/∂θ_k² through
     * {@link PairPotential#parameterSecondDerivative} (when a potential keeps the interface's
     * finite-difference default, the same central difference is taken here once per species pair
     * instead of once per pair), plus the exact bond terms (0 for {@code bond_k}, Σ 2k for
     * {@code bond_r0}).
     */
    public double parameterSecondEnergyDerivative(int k) {
        int pk = checkParameter(k);
        list.update(system);
        if (pk < 0) {
            if (isBondStiffness(k)) return 0.0;
            int type = bondParameterType(k);
            double sum = 0;
            for (int b = 0; b < bondFirst.length; b++) if (bondType[b] == type) sum += 2 * bondK[b];
            return sum;
        }
        PairPotential pair = model.pair();
        final int s = pair.speciesNames().size();
        final PairBatch pb = batch;
        pb.bind(system, list);
        final int n = system.size();
        final int[] sp = system.species();
        CompensatedSum sum = sumA.reset();
        if (overridesSecondDerivative(pair)) {
            for (int i = 0; i < n; i++) {
                int m = pb.gather(i);
                for (int p = 0; p < m; p++) {
                    int j = pb.other[p];
                    sum.add(pair.parameterSecondDerivative(pk, sp[i], sp[j], Math.sqrt(pb.r2[p])));
                }
            }
            return sum.value();
        }
        double theta = pair.parameterValues()[pk];
        double h = 1e-5 * Math.max(1.0, Math.abs(theta));
        String name = pair.parameterNames().get(pk);
        PairPotential up = pair.withParameter(name, theta + h);
        PairPotential down = pair.withParameter(name, theta - h);
        RadialFunction[] upT = new RadialFunction[s * s], downT = new RadialFunction[s * s];
        for (int a = 0; a < s; a++) {
            for (int b = 0; b < s; b++) {
                upT[a * s + b] = up.parameterDerivative(pk, a, b);
                downT[a * s + b] = down.parameterDerivative(pk, a, b);
            }
        }
        for (int i = 0; i < n; i++) {
            int m = pb.gather(i);
            for (int p = 0; p < m; p++) {
                int t0 = pb.type[p];
                double r = Math.sqrt(pb.r2[p]);
                sum.add((upT[t0].energy(r) - downT[t0].energy(r)) / (2 * h));
            }
        }
        return sum.value();
    }

    /**
     * Overwrites {@code out} with ∇_x W, the gradient of the virial (for pressure sensitivities):
     * (∇W)_i = −Σ_j (φ'(r) + r φ''(r)) n_ij, plus the bond terms.
     */
    public void virialGradient(double[] out) {
        checkLength(out, "out");
        list.update(system);
        final PairBatch pb = batch;
        pb.bind(system, list);
        final int d = system.dimension();
        final int n = system.size();
        final RadialFunction[] fn = pairTable;
        Arrays.fill(out, 0.0);
        for (int i = 0; i < n; i++) {
            int m = pb.gather(i);
            for (int p = 0; p < m; p++) {
                RadialFunction f = fn[pb.type[p]];
                double r = Math.sqrt(pb.r2[p]);
                double c = -(f.firstDerivative(r) + r * f.secondDerivative(r)) / r;
                for (int a = 0; a < d; a++) pb.w[d * p + a] = c * pb.delta[d * p + a];
            }
            pb.scatter(i, m, out);
        }
        for (int b = 0; b < bondFirst.length; b++) {
            int bi = d * bondFirst[b], bj = d * bondSecond[b];
            double r = Math.sqrt(bondDisplacement(b));
            double c = -2 * bondK[b] * (2 * r - bondR0[b]) / r;   // d/dr [−2k (r − r0) r] / r
            for (int a = 0; a < d; a++) {
                out[bi + a] += c * dr[a];
                out[bj + a] -= c * dr[a];
            }
        }
    }

    /** ∂W/∂θ_k at fixed positions: −Σ r ∂φ'/∂θ_k, plus the bond terms. */
    public double parameterVirialDerivative(int k) {
        int pk = checkParameter(k);
        list.update(system);
        CompensatedSum sum = sumA.reset();
        if (pk >= 0) {
            PairPotential pair = model.pair();
            int s = pair.speciesNames().size();
            RadialFunction[] dt = new RadialFunction[s * s];
            for (int a = 0; a < s; a++) for (int b = 0; b < s; b++) dt[a * s + b] = pair.parameterDerivative(pk, a, b);
            final PairBatch pb = batch;
            pb.bind(system, list);
            for (int i = 0; i < system.size(); i++) {
                int m = pb.gather(i);
                for (int p = 0; p < m; p++) {
                    double r = Math.sqrt(pb.r2[p]);
                    sum.add(-r * dt[pb.type[p]].firstDerivative(r));
                }
            }
            return sum.value();
        }
        boolean stiffness = isBondStiffness(k);
        int type = bondParameterType(k);
        for (int b = 0; b < bondFirst.length; b++) {
            if (bondType[b] != type) continue;
            double r = Math.sqrt(bondDisplacement(b));
            sum.add(stiffness ? -2 * (r - bondR0[b]) * r : 2 * bondK[b] * r);
        }
        return sum.value();
    }

    /**
     * Adds bond forces to {@code forces}, stores the bond virial in {@code out[1]} unless
     * {@code out} is null, returns the bond energy.
     */
    private double bondEnergyAndForces(double[] forces, double[] out) {
        CompensatedSum e = sumA.reset(), w = sumB.reset();
        final int d = system.dimension();
        for (int b = 0; b < bondFirst.length; b++) {
            int bi = d * bondFirst[b], bj = d * bondSecond[b];
            double r2 = bondDisplacement(b);
            double r = Math.sqrt(r2);
            double u = r - bondR0[b];
            double c = -2 * bondK[b] * u / r;     // force on i = c r_ij
            e.add(bondK[b] * u * u);
            w.add(c * r2);
            for (int a = 0; a < d; a++) {
                forces[bi + a] += c * dr[a];
                forces[bj + a] -= c * dr[a];
            }
        }
        if (out != null) out[1] = w.value();
        return e.value();
    }

    /** Fills {@link #dr} with the minimum-image r_ij of bond b (i its first particle); returns r². */
    private double bondDisplacement(int b) {
        final int d = system.dimension();
        final double[] x = system.positions();
        int bi = d * bondFirst[b], bj = d * bondSecond[b];
        double r2 = 0;
        for (int a = 0; a < d; a++) {
            dr[a] = Box.minimumImage(x[bi + a] - x[bj + a], len[a], inv[a]);
            r2 += dr[a] * dr[a];
        }
        return r2;
    }

    /** Whether bond parameter index k (≥ the pair parameters) is a {@code bond_k[T]} (else {@code bond_r0[T]}). */
    private boolean isBondStiffness(int k) {
        return k - model.pairParameterCount() < model.bonds().typeNames().size();
    }

    /** The bond type T of bond parameter index k ({@code bond_k[T]} or {@code bond_r0[T]}). */
    private int bondParameterType(int k) {
        int q = k - model.pairParameterCount();
        int nt = model.bonds().typeNames().size();
        return q < nt ? q : q - nt;
    }

    /** Returns the pair-parameter index, or −1 for a bond parameter; throws when out of range. */
    private int checkParameter(int k) {
        int total = model.parameterNames().size();
        if (k < 0 || k >= total) {
            throw new IllegalArgumentException("parameter index must be in [0, " + total + "), got " + k);
        }
        return k < model.pairParameterCount() ? k : -1;
    }

    private void checkLength(double[] a, String what) {
        if (a.length != scratch.length) {
            throw new IllegalArgumentException(what + " length must be d·N = " + scratch.length + ", got " + a.length);
        }
    }

    private static boolean overridesSecondDerivative(PairPotential pair) {
        try {
            Method m = pair.getClass().getMethod("parameterSecondDerivative", int.class, int.class, int.class,
                    double.class);
            return m.getDeclaringClass() != PairPotential.class;
        } catch (NoSuchMethodException e) {
            return true;
        }
    }

    @Override public String toString() {
        return "EnergyEvaluator[" + model + ", kernel " + kernel.name() + ", skin " + skin + "]";
    }
}
