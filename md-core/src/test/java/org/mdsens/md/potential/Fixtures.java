package org.mdsens.md.potential;

import java.util.ArrayList;
import java.util.List;

import org.hipparchus.CalculusFieldElement;

/**
 * Test fixtures: every built-in in several configurations, each with an AD twin (the same
 * formula as a {@link CustomPairPotential} with the built-in's per-pair values) and the chain
 * rule from the built-in's parameters to the twin's pair parameters, written from the spec.
 */
final class Fixtures {

    private Fixtures() { }

    /** d p/dθ = first, d²p/dθ² = second, p named in the twin. */
    record Term(String twinName, double first, double second) { }

    interface Chain {
        List<Term> terms(AbstractPairPotential p, String parameter, int a, int b);
    }

    record Fixture(String name, AbstractPairPotential potential, CustomPairPotential twin, Chain chain,
                   double lowFraction) {
        /** Sample distances in [lowFraction·scale, cutoff·(1 − margin)), offset from grid points. */
        double[] sample(int a, int b, int count, double margin) {
            double rc = potential.pair(a, b).cutoff();
            double lo = lowFraction * rc;
            double hi = rc * (1 - margin);
            double[] r = new double[count];
            for (int i = 0; i < count; i++) r[i] = lo + (hi - lo) * (i + 0.37) / count;
            return r;
        }

        @Override public String toString() { return name; }
    }

    // ---- formulas over CalculusFieldElement: the AD oracles -------------------------------------

    static final FieldPairFormula SOFT = new FieldPairFormula() {
        @Override public List<String> parameterNames() { return List.of("sigma", "epsilon", "alpha"); }
        @Override public <T extends CalculusFieldElement<T>> T energy(T r, T[] p) {
            T u = r.divide(p[0]).negate().add(1);
            return p[1].divide(p[2]).multiply(u.pow(p[2]));
        }
    };

    static final FieldPairFormula LJ = new FieldPairFormula() {
        @Override public List<String> parameterNames() { return List.of("sigma", "epsilon"); }
        @Override public <T extends CalculusFieldElement<T>> T energy(T r, T[] p) {
            T s6 = p[0].divide(r).pow(6);
            return p[1].multiply(4).multiply(s6.multiply(s6).subtract(s6));
        }
    };

    static final FieldPairFormula WCA = new FieldPairFormula() {
        @Override public List<String> parameterNames() { return List.of("sigma", "epsilon"); }
        @Override public <T extends CalculusFieldElement<T>> T energy(T r, T[] p) {
            return LJ.energy(r, p).add(p[1]);
        }
    };

    /** LJ times the quintic switch; r_on and r_c ride along as (undifferentiated) parameters. */
    static final FieldPairFormula LJ_SWITCHED = new FieldPairFormula() {
        @Override public List<String> parameterNames() { return List.of("sigma", "epsilon", "ron", "rc"); }
        @Override public <T extends CalculusFieldElement<T>> T energy(T r, T[] p) {
            T v = LJ.energy(r, p);
            if (r.getReal() <= p[2].getReal()) return v;
            T t = r.subtract(p[2]).divide(p[3].subtract(p[2]));
            T s = t.pow(3).multiply(-10).add(t.pow(4).multiply(15)).subtract(t.pow(5).multiply(6)).add(1);
            return v.multiply(s);
        }
    };

    static final FieldPairFormula MORSE = new FieldPairFormula() {
        @Override public List<String> parameterNames() { return List.of("epsilon", "r0", "a"); }
        @Override public <T extends CalculusFieldElement<T>> T energy(T r, T[] p) {
            T x = p[2].multiply(r.subtract(p[1])).negate().exp().negate().add(1);
            return p[0].multiply(x.multiply(x).subtract(1));
        }
    };

    // ---- chain rules (from DESIGN.md §5 and the brief, independent of the main code) ---------------

    static String pairName(AbstractPairPotential p, String base, int a, int b) {
        List<String> s = p.speciesNames();
        int lo = Math.min(a, b), hi = Math.max(a, b);
        return base + "[" + s.get(lo) + "," + s.get(hi) + "]";
    }

    /** Species name inside "base[X]", or null for other shapes. */
    static String speciesOf(String parameter) {
        int open = parameter.indexOf('[');
        if (open < 0 || parameter.contains(",")) return null;
        return parameter.substring(open + 1, parameter.length() - 1);
    }

    static final Chain SOFT_CHAIN = (p, name, a, b) -> {
        List<Term> t = new ArrayList<>();
        String sa = p.speciesNames().get(a), sb = p.speciesNames().get(b);
        String sigma = pairName(p, "sigma", a, b), eps = pairName(p, "epsilon", a, b);
        if (name.startsWith("diameter[")) {
            String x = speciesOf(name);
            double c = (sa.equals(x) ? 0.5 : 0) + (sb.equals(x) ? 0.5 : 0);
            if (c != 0 && !p.isExplicit(sigma)) t.add(new Term(sigma, c, 0));
        } else if (name.equals("epsilon")) {
            if (!p.isExplicit(eps)) t.add(new Term(eps, 1, 0));
        } else if (name.equals("alpha")) {
            t.add(new Term(pairName(p, "alpha", a, b), 1, 0));
        } else if (name.equals(sigma) || name.equals(eps)) {
            t.add(new Term(name, 1, 0));
        }
        return t;
    };

    static final Chain LB_CHAIN = (p, name, a, b) -> {
        List<Term> t = new ArrayList<>();
        String sa = p.speciesNames().get(a), sb = p.speciesNames().get(b);
        String sigma = pairName(p, "sigma", a, b), eps = pairName(p, "epsilon", a, b);
        String x = speciesOf(name);
        if (name.startsWith("sigma[") && x != null) {
            double c = (sa.equals(x) ? 0.5 : 0) + (sb.equals(x) ? 0.5 : 0);
            if (c != 0 && !p.isExplicit(sigma)) t.add(new Term(sigma, c, 0));
        } else if (name.startsWith("epsilon[") && x != null) {
            if ((sa.equals(x) || sb.equals(x)) && !p.isExplicit(eps)) {
                if (a == b) {
                    t.add(new Term(eps, 1, 0));
                } else {
                    double own = p.parameter("epsilon[" + x + "]");
                    double other = p.parameter("epsilon[" + (sa.equals(x) ? sb : sa) + "]");
                    double g = Math.sqrt(own * other);
                    // ε_ab = √(ε_x ε_o): first ε_o/(2g), second −ε_o²/(4g³)
                    t.add(new Term(eps, other / (2 * g), -other * other / (4 * g * g * g)));
                }
            }
        } else if (name.equals(sigma) || name.equals(eps)) {
            t.add(new Term(name, 1, 0));
        }
        return t;
    };

    static final Chain IDENTITY_CHAIN = (p, name, a, b) -> {
        List<Term> t = new ArrayList<>();
        int open = name.indexOf('[');
        if (name.equals(pairName(p, name.substring(0, open), a, b))) t.add(new Term(name, 1, 0));
        return t;
    };

    // ---- the fixtures ------------------------------------------------------------------------------

    static CustomPairPotential.Builder twinBuilder(AbstractPairPotential p, FieldPairFormula f) {
        return CustomPairPotential.builder(p.speciesNames(), f);
    }

    static Fixture soft(String name, SoftSphere p) {
        CustomPairPotential.Builder tb = twinBuilder(p, SOFT);
        List<String> s = p.speciesNames();
        for (int a = 0; a < s.size(); a++) {
            for (int b = a; b < s.size(); b++) {
                tb.pair(s.get(a), s.get(b), p.sigma(a, b), p.epsilon(a, b), p.alpha());
                tb.pairCutoff(s.get(a), s.get(b), p.sigma(a, b));
            }
        }
        return new Fixture(name, p, tb.build(), SOFT_CHAIN, 0.3);
    }

    static Fixture lj(String name, LennardJones p) {
        List<String> s = p.speciesNames();
        CustomPairPotential.Builder tb = twinBuilder(p, p.isSwitched() ? LJ_SWITCHED : LJ).shift(p.isShifted());
        for (int a = 0; a < s.size(); a++) {
            for (int b = a; b < s.size(); b++) {
                if (p.isSwitched()) {
                    tb.pair(s.get(a), s.get(b), p.sigma(a, b), p.epsilon(a, b), p.switchOn(a, b), p.cutoff(a, b));
                } else {
                    tb.pair(s.get(a), s.get(b), p.sigma(a, b), p.epsilon(a, b));
                }
                tb.pairCutoff(s.get(a), s.get(b), p.cutoff(a, b));
            }
        }
        return new Fixture(name, p, tb.build(), LB_CHAIN, 0.36);
    }

    static Fixture wca(String name, Wca p) {
        List<String> s = p.speciesNames();
        CustomPairPotential.Builder tb = twinBuilder(p, WCA);
        for (int a = 0; a < s.size(); a++) {
            for (int b = a; b < s.size(); b++) {
                tb.pair(s.get(a), s.get(b), p.sigma(a, b), p.epsilon(a, b));
                tb.pairCutoff(s.get(a), s.get(b), p.cutoff(a, b));
            }
        }
        return new Fixture(name, p, tb.build(), LB_CHAIN, 0.8);
    }

    static Fixture morse(String name, Morse p) {
        List<String> s = p.speciesNames();
        CustomPairPotential.Builder tb = twinBuilder(p, MORSE).shift(p.isShifted());
        for (int a = 0; a < s.size(); a++) {
            for (int b = a; b < s.size(); b++) {
                String x = s.get(a), y = s.get(b);
                tb.pair(x, y, p.parameter("epsilon[" + x + "," + y + "]"), p.parameter("r0[" + x + "," + y + "]"),
                        p.parameter("a[" + x + "," + y + "]"));
                tb.pairCutoff(x, y, p.cutoff(a, b));
            }
        }
        return new Fixture(name, p, tb.build(), IDENTITY_CHAIN, 0.25);
    }

    static final List<String> AB = List.of("A", "B");
    static final List<String> ABC = List.of("A", "B", "C");

    static LennardJones kobAndersen() {
        return LennardJones.builder(AB).sigma("A", 1).epsilon("A", 1).sigma("B", 0.88).epsilon("B", 0.5)
                .pairSigma("A", "B", 0.8).pairEpsilon("A", "B", 1.5).cutoffInSigma(2.5).shift(true).build();
    }

    static List<Fixture> all() {
        List<Fixture> f = new ArrayList<>();
        f.add(soft("soft-sphere bidisperse alpha=2",
                SoftSphere.builder(AB).diameter("A", 1.0).diameter("B", 1.4).epsilon(1.0).alpha(2.0)
                        .pairEpsilon("B", "B", 0.7).build()));
        f.add(soft("soft-sphere Hertzian explicit sigma[A,B]",
                SoftSphere.builder(ABC).diameter("A", 1.0).diameter("B", 1.2).diameter("C", 0.9).epsilon(1.3)
                        .alpha(2.5).pairSigma("B", "A", 1.25).build()));
        f.add(soft("soft-sphere alpha=2.3 (general power)",
                SoftSphere.builder(AB).diameter("A", 0.8).diameter("B", 1.1).epsilon(0.6).alpha(2.3).build()));
        f.add(lj("lennard-jones Kob-Andersen shifted", kobAndersen()));
        f.add(lj("lennard-jones Lorentz-Berthelot cut, 3 species",
                LennardJones.builder(ABC).sigma("A", 1).sigma("B", 1.2).sigma("C", 0.9).epsilon("A", 1)
                        .epsilon("B", 0.6).epsilon("C", 1.7).pairEpsilon("A", "C", 0.4).cutoff(2.7).build()));
        f.add(lj("lennard-jones smooth switch in sigma",
                LennardJones.builder(AB).sigma("A", 1).sigma("B", 1.3).epsilon("A", 1).epsilon("B", 0.8)
                        .smoothSwitchInSigma(2.0, 2.5).build()));
        f.add(wca("wca bidisperse",
                Wca.builder(AB).sigma("A", 1).sigma("B", 1.4).epsilon("A", 1).epsilon("B", 0.5)
                        .pairSigma("A", "B", 1.1).build()));
        f.add(morse("morse shifted",
                Morse.builder(AB).all(1.0, 1.1, 3.0).pair("A", "B", 0.7, 1.3, 2.2).cutoff(2.6).shift(true).build()));
        f.add(morse("morse cut",
                Morse.builder(AB).all(2.0, 1.0, 1.5).pair("B", "B", 0.4, 1.6, 4.0).cutoff(3.0).build()));
        return f;
    }
}
