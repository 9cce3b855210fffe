package org.mdsens.sensitivity.md;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.mdsens.md.kernel.PairBatch;
import org.mdsens.md.model.EnergyEvaluator;
import org.mdsens.md.neighbor.NeighborList;
import org.mdsens.md.potential.PairPotential;
import org.mdsens.md.space.Box;
import org.mdsens.md.system.ParticleSystem;

/**
 * Ready-made {@link Observable}s (DESIGN.md §4, §5 names): {@code energy}, {@code pressure},
 * {@code mean_contact_distance}, and particle positions.
 *
 * <p>All are immutable and thread-safe (each call works on the evaluator it is given).
 */
public final class Observables {

    private static final String[] AXES = {"x", "y", "z"};

    private Observables() { }

    /**
     * The total energy E(x; θ). Its position gradient is taken as exactly 0: at a minimum ∇ₓE = 0,
     * so by the envelope theorem dE*&#47;dθ = ∂θE(x*) and no solve is needed (using −F(x̂) would only
     * add noise of the size of the residual force).
     */
    public static Observable energy() {
        return Energy.INSTANCE;
    }

    /**
     * The pressure at T = 0 of a periodic system, P = W/(d·V) with the virial
     * W = −Σ_{i&lt;j} r φ'(r) − Σ_bonds 2k(r − r0) r; ∇ₓW_i = −Σ_j (φ' + rφ'') n_ij (+ bonds) and
     * ∂θW = −Σ r ∂θφ' (+ bonds), at fixed volume. Evaluating it on an open box throws
     * {@link IllegalArgumentException}.
     */
    public static Observable pressure() {
        return Pressure.INSTANCE;
    }

    /**
     * The mean pair distance over contacts, ⟨r⟩ = (1/M) Σ_{contacts} r_ij, a contact being a pair
     * closer than its pair cutoff (σ_ab for soft spheres, the cutoff for other potentials). The
     * contact set is the one at the evaluated configuration (x* for sensitivities), held fixed under
     * differentiation; ∂θ⟨r⟩ = 0. NaN when there is no contact.
     */
    public static Observable meanContactDistance() {
        return MeanContactDistance.INSTANCE;
    }

    /** Coordinate {@code axis} of particle {@code particle} (0-based, input order), named {@code position[i].x}. */
    public static Observable position(int particle, int axis) {
        if (particle < 0) throw new IllegalArgumentException("particle index must be >= 0, got " + particle);
        if (axis < 0 || axis > 2) throw new IllegalArgumentException("axis must be 0, 1 or 2, got " + axis);
        return new Position(particle, axis);
    }

    /**
     * The d coordinates of one particle as d observables ({@code position[i].x}, {@code .y}
     * (, {@code .z})); the job-file observable {@code position[i]} expands to these.
     */
    public static List<Observable> position(int particle, ParticleSystem system) {
        return positionComponents(particle, system.dimension());
    }

    /** The d coordinates of particle {@code particle} in dimension {@code dimension}, as in {@link #position(int, ParticleSystem)}. */
    public static List<Observable> positionComponents(int particle, int dimension) {
        if (dimension != 2 && dimension != 3) {
            throw new IllegalArgumentException("dimension must be 2 or 3, got " + dimension);
        }
        List<Observable> list = new ArrayList<>(dimension);
        for (int a = 0; a < dimension; a++) list.add(position(particle, a));
        return list;
    }

    private static final class Energy implements Observable {
        static final Energy INSTANCE = new Energy();

        private Energy() { }

        @Override public String name() { return "energy"; }
        @Override public double value(EnergyEvaluator evaluator) { return evaluator.energy(); }
        @Override public void gradient(EnergyEvaluator evaluator, double[] out) { Arrays.fill(out, 0.0); }
        @Override public double parameterDerivative(EnergyEvaluator evaluator, int k) {
            return evaluator.parameterEnergyDerivative(k);
        }
        @Override public String toString() { return "Observable[energy]"; }
    }

    private static final class Pressure implements Observable {
        static final Pressure INSTANCE = new Pressure();

        private Pressure() { }

        @Override public String name() { return "pressure"; }

        private static double scale(EnergyEvaluator evaluator) {
            Box box = evaluator.system().box();
            if (!(box instanceof Box.Periodic)) {
                throw new IllegalArgumentException("pressure needs a periodic box, got " + box);
            }
            return 1.0 / (box.dimension() * box.volume());
        }

        @Override public double value(EnergyEvaluator evaluator) {
            return scale(evaluator) * evaluator.virial();
        }

        @Override public void gradient(EnergyEvaluator evaluator, double[] out) {
            double c = scale(evaluator);
            evaluator.virialGradient(out);
            for (int i = 0; i < out.length; i++) out[i] *= c;
        }

        @Override public double parameterDerivative(EnergyEvaluator evaluator, int k) {
            return scale(evaluator) * evaluator.parameterVirialDerivative(k);
        }

        @Override public String toString() { return "Observable[pressure]"; }
    }

    private static final class MeanContactDistance implements Observable {
        static final MeanContactDistance INSTANCE = new MeanContactDistance();

        private MeanContactDistance() { }

        @Override public String name() { return "mean_contact_distance"; }

        @Override public double value(EnergyEvaluator evaluator) {
            return loop(evaluator, null);
        }

        @Override public void gradient(EnergyEvaluator evaluator, double[] out) {
            loop(evaluator, out);
        }

        @Override public double parameterDerivative(EnergyEvaluator evaluator, int k) {
            return 0.0;
        }

        /** Returns ⟨r⟩ and, when {@code gradient} is not null, overwrites it with ∇ₓ⟨r⟩. */
        private static double loop(EnergyEvaluator evaluator, double[] gradient) {
            ParticleSystem system = evaluator.system();
            PairPotential pair = evaluator.model().pair();
            int s = pair.speciesNames().size();
            double[] cut2 = new double[s * s];
            for (int a = 0; a < s; a++) {
                for (int b = 0; b < s; b++) {
                    double c = pair.pair(a, b).cutoff();
                    cut2[a * s + b] = c * c;
                }
            }
            NeighborList list = evaluator.neighborList();
            list.update(system);
            PairBatch batch = new PairBatch(s, cut2);
            batch.bind(system, list);
            int d = system.dimension();
            int n = system.size();
            if (gradient != null) Arrays.fill(gradient, 0.0);
            double sum = 0;
            long count = 0;
            for (int i = 0; i < n; i++) {
                int m = batch.gather(i);
                for (int p = 0; p < m; p++) {
                    double r = Math.sqrt(batch.r2[p]);
                    sum += r;
                    for (int a = 0; a < d; a++) batch.w[d * p + a] = batch.delta[d * p + a] / r;
                }
                count += m;
                if (gradient != null) batch.scatter(i, m, gradient);
            }
            if (count == 0) return Double.NaN;
            if (gradient != null) {
                double inv = 1.0 / count;
                for (int q = 0; q < gradient.length; q++) gradient[q] *= inv;
            }
            return sum / count;
        }

        @Override public String toString() { return "Observable[mean_contact_distance]"; }
    }

    private record Position(int particle, int axis) implements Observable {

        @Override public String name() { return "position[" + particle + "]." + AXES[axis]; }

        private int index(EnergyEvaluator evaluator) {
            int d = evaluator.dimension();
            if (particle >= evaluator.size() || axis >= d) {
                throw new IllegalArgumentException("position observable needs particle < " + evaluator.size()
                        + " and axis < " + d + ", got particle " + particle + ", axis " + axis);
            }
            return d * particle + axis;
        }

        @Override public double value(EnergyEvaluator evaluator) {
            return evaluator.positions()[index(evaluator)];
        }

        @Override public void gradient(EnergyEvaluator evaluator, double[] out) {
            int q = index(evaluator);
            Arrays.fill(out, 0.0);
            out[q] = 1.0;
        }

        @Override public double parameterDerivative(EnergyEvaluator evaluator, int k) {
            return 0.0;
        }

        @Override public String toString() { return "Observable[" + name() + "]"; }
    }
}
