package org.mdsens.sensitivity.linalg;

import java.util.ArrayList;
import java.util.List;

import org.apache.commons.rng.UniformRandomProvider;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.RealMatrix;

/**
 * Seeded 2D spring networks in a periodic unit-density box, the block-sparse model of a particle Hessian: points
 * on a jittered square lattice, a spring between every pair closer than 1.5 lattice spacings with stiffness
 * K = s n nᵀ + t (I − n nᵀ) (t = {@code tension}, negative for tensile pairs as in compressed packings; s a
 * random normal stiffness, log-uniform in [0.3, 3]), H = Σ (e_i − e_j)(e_i − e_j)ᵀ ⊗ K plus {@code shift}·I. Translations are null vectors when the shift
 * is 0.
 */
final class SpringNetworks {

    private SpringNetworks() { }

    /** The network as a block matrix, a dense copy, the positions and the box length. */
    record Network(SymmetricBlockMatrix matrix, RealMatrix dense, double[] positions, double length) {
        int order() { return matrix.order(); }

        /** The two unit translations (normalized). */
        double[][] translations() {
            int n = order();
            double[][] t = new double[2][n];
            for (int q = 0; q < n; q++) t[q % 2][q] = 1 / Math.sqrt(n / 2.0);
            return t;
        }

        /** P: subtracts the mean per axis. */
        Projector projector() {
            return v -> {
                int n = v.length / 2;
                double sx = 0, sy = 0;
                for (int i = 0; i < n; i++) {
                    sx += v[2 * i];
                    sy += v[2 * i + 1];
                }
                for (int i = 0; i < n; i++) {
                    v[2 * i] -= sx / n;
                    v[2 * i + 1] -= sy / n;
                }
            };
        }

        /** A v through the block matrix. */
        ArrayOperator operator() {
            return new ArrayOperator() {
                @Override public void apply(double[] v, double[] out) { matrix.multiply(v, out); }

                @Override public int getRowDimension() { return matrix.order(); }
            };
        }

        /** P A P v. */
        ArrayOperator projectedOperator() {
            Projector p = projector();
            return new ArrayOperator() {
                @Override public void apply(double[] v, double[] out) {
                    double[] in = v.clone();
                    p.project(in);
                    matrix.multiply(in, out);
                    p.project(out);
                }

                @Override public int getRowDimension() { return matrix.order(); }
            };
        }
    }

    static Network network(long seed, int side, double tension, double shift) {
        UniformRandomProvider rng = TestMatrices.rng(seed);
        int n = side * side;
        double length = side;
        double[] x = new double[2 * n];
        // a random permutation of the lattice sites, so the natural order is not spatial
        int[] site = new int[n];
        for (int i = 0; i < n; i++) site[i] = i;
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = site[i];
            site[i] = site[j];
            site[j] = t;
        }
        for (int i = 0; i < n; i++) {
            x[2 * i] = site[i] % side + 0.2 * (rng.nextDouble() - 0.5);
            x[2 * i + 1] = site[i] / side + 0.2 * (rng.nextDouble() - 0.5);
        }
        List<int[]> pairs = new ArrayList<>();
        List<double[]> blocks = new ArrayList<>();
        double[] diagonal = new double[4 * n];
        double[][] dense = new double[2 * n][2 * n];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double dx = x[2 * i] - x[2 * j], dy = x[2 * i + 1] - x[2 * j + 1];
                dx -= length * Math.rint(dx / length);
                dy -= length * Math.rint(dy / length);
                double r = Math.hypot(dx, dy);
                if (r > 1.5) continue;
                double nx = dx / r, ny = dy / r;
                double st = Math.exp(Math.log(10) * (rng.nextDouble() - 0.5));
                double[] k = {tension + (st - tension) * nx * nx, (st - tension) * nx * ny,
                              (st - tension) * nx * ny, tension + (st - tension) * ny * ny};
                pairs.add(new int[] {i, j});
                double[] up = new double[4];
                for (int q = 0; q < 4; q++) {
                    up[q] = -k[q];
                    diagonal[4 * i + q] += k[q];
                    diagonal[4 * j + q] += k[q];
                }
                blocks.add(up);
                for (int r1 = 0; r1 < 2; r1++) {
                    for (int c = 0; c < 2; c++) {
                        dense[2 * i + r1][2 * j + c] -= k[2 * r1 + c];
                        dense[2 * j + r1][2 * i + c] -= k[2 * r1 + c];
                        dense[2 * i + r1][2 * i + c] += k[2 * r1 + c];
                        dense[2 * j + r1][2 * j + c] += k[2 * r1 + c];
                    }
                }
            }
        }
        for (int i = 0; i < n; i++) {
            diagonal[4 * i] += shift;
            diagonal[4 * i + 3] += shift;
            dense[2 * i][2 * i] += shift;
            dense[2 * i + 1][2 * i + 1] += shift;
        }
        int[] offsets = new int[n + 1];
        for (int[] p : pairs) offsets[p[0] + 1]++;
        for (int i = 0; i < n; i++) offsets[i + 1] += offsets[i];
        int[] columns = new int[pairs.size()];
        double[] upper = new double[4 * pairs.size()];
        int[] fill = offsets.clone();
        for (int e = 0; e < pairs.size(); e++) {   // pairs come ordered by (i, j) already
            int at = fill[pairs.get(e)[0]]++;
            columns[at] = pairs.get(e)[1];
            System.arraycopy(blocks.get(e), 0, upper, 4 * at, 4);
        }
        return new Network(new SymmetricBlockMatrix(2, offsets, columns, upper, diagonal),
                new Array2DRowRealMatrix(dense, false), x, length);
    }

    /** Cells of about {@code size} points, with translations and the rotation about each cell's first point. */
    static int[] aggregates(Network net, int cellsPerSide, double[] nearNullSpace) {
        double[] x = net.positions();
        double l = net.length();
        int n = x.length / 2;
        int[] agg = new int[n];
        int[] first = new int[cellsPerSide * cellsPerSide];
        java.util.Arrays.fill(first, -1);
        int[] id = new int[cellsPerSide * cellsPerSide];
        java.util.Arrays.fill(id, -1);
        int count = 0;
        for (int i = 0; i < n; i++) {
            int cx = (int) Math.floor(Math.floorMod((long) Math.floor(x[2 * i] * 1e6), (long) (l * 1e6)) / 1e6 / l * cellsPerSide);
            int cy = (int) Math.floor(Math.floorMod((long) Math.floor(x[2 * i + 1] * 1e6), (long) (l * 1e6)) / 1e6 / l * cellsPerSide);
            int c = Math.min(cellsPerSide - 1, cy) * cellsPerSide + Math.min(cellsPerSide - 1, cx);
            if (id[c] < 0) {
                id[c] = count++;
                first[c] = i;
            }
            agg[i] = id[c];
            int j = first[c];
            double dx = x[2 * i] - x[2 * j], dy = x[2 * i + 1] - x[2 * j + 1];
            dx -= l * Math.rint(dx / l);
            dy -= l * Math.rint(dy / l);
            nearNullSpace[(2 * i) * 3] = 1;
            nearNullSpace[(2 * i + 1) * 3 + 1] = 1;
            nearNullSpace[(2 * i) * 3 + 2] = -dy;
            nearNullSpace[(2 * i + 1) * 3 + 2] = dx;
        }
        return agg;
    }
}
