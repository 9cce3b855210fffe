package org.mdsens.sensitivity.condition;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.hipparchus.CalculusFieldElement;

/**
 * Test residual F(x, θ) = A x + θ₀ sin(x) + θ₁² c∘x³ − θ₂ b (nonsymmetric A, elementwise sin and cube), written once
 * over a field, and with hand-written products as an independent {@link OptimalityCondition}:
 * ∂ₓF = A + diag(θ₀ cos x + 3θ₁² c∘x²), ∂_θF = [sin x, 2θ₁ c∘x³, −b].
 */
public final class NonlinearSystem implements FieldResidual {

    private final int n;
    private final double[][] a;
    private final double[] c;
    private final double[] b;

    public NonlinearSystem(int n, long seed) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        this.n = n;
        a = new double[n][n];
        c = new double[n];
        b = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                a[i][j] = 0.4 * (2 * rng.nextDouble() - 1);
            }
            a[i][i] += 4.0;
            c[i] = 0.1 + 0.2 * rng.nextDouble();
            b[i] = 2 * rng.nextDouble() - 1;
        }
    }

    @Override public int dimension() { return n; }

    @Override public int parameterCount() { return 3; }

    @Override public <T extends CalculusFieldElement<T>> void residual(T[] x, T[] theta, T[] out) {
        T t1sq = theta[1].multiply(theta[1]);
        for (int i = 0; i < n; i++) {
            T s = x[0].getField().getZero();
            for (int j = 0; j < n; j++) {
                s = s.add(x[j].multiply(a[i][j]));
            }
            s = s.add(theta[0].multiply(x[i].sin()));
            s = s.add(t1sq.multiply(x[i].pow(3)).multiply(c[i]));
            s = s.subtract(theta[2].multiply(b[i]));
            out[i] = s;
        }
    }

    /** The same condition with hand-written products. */
    public OptimalityCondition handWritten() {
        return new OptimalityCondition() {
            @Override public int dimension() { return n; }

            @Override public int parameterCount() { return 3; }

            @Override public void residual(double[] x, double[] theta, double[] out) {
                for (int i = 0; i < n; i++) {
                    double s = 0;
                    for (int j = 0; j < n; j++) {
                        s += a[i][j] * x[j];
                    }
                    out[i] = s + theta[0] * Math.sin(x[i]) + theta[1] * theta[1] * c[i] * x[i] * x[i] * x[i] - theta[2] * b[i];
                }
            }

            private double diag(double[] x, double[] theta, int i) {
                return theta[0] * Math.cos(x[i]) + 3 * theta[1] * theta[1] * c[i] * x[i] * x[i];
            }

            @Override public void jvpX(double[] x, double[] theta, double[] v, double[] out) {
                for (int i = 0; i < n; i++) {
                    double s = 0;
                    for (int j = 0; j < n; j++) {
                        s += a[i][j] * v[j];
                    }
                    out[i] = s + diag(x, theta, i) * v[i];
                }
            }

            @Override public void vjpX(double[] x, double[] theta, double[] w, double[] out) {
                for (int j = 0; j < n; j++) {
                    double s = 0;
                    for (int i = 0; i < n; i++) {
                        s += a[i][j] * w[i];
                    }
                    out[j] = s + diag(x, theta, j) * w[j];
                }
            }

            @Override public void jvpTheta(double[] x, double[] theta, double[] u, double[] out) {
                for (int i = 0; i < n; i++) {
                    out[i] = Math.sin(x[i]) * u[0] + 2 * theta[1] * c[i] * x[i] * x[i] * x[i] * u[1] - b[i] * u[2];
                }
            }

            @Override public void vjpTheta(double[] x, double[] theta, double[] w, double[] out) {
                out[0] = 0;
                out[1] = 0;
                out[2] = 0;
                for (int i = 0; i < n; i++) {
                    out[0] += Math.sin(x[i]) * w[i];
                    out[1] += 2 * theta[1] * c[i] * x[i] * x[i] * x[i] * w[i];
                    out[2] -= b[i] * w[i];
                }
            }

            @Override public boolean symmetric() { return false; }
        };
    }
}
