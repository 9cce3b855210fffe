package org.mdsens.sensitivity.linalg;

import java.util.Objects;

import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.RealLinearOperator;
import org.hipparchus.linear.RealVector;

/**
 * A square Hipparchus {@link RealLinearOperator} defined by a product on flat arrays, optionally with its
 * transpose. Thread-safety is that of the products given.
 */
public final class MatrixFreeOperator implements RealLinearOperator {

    /** A linear map on flat arrays: {@code out ← M·v}; must not keep references to either array. */
    @FunctionalInterface
    public interface Product {
        /**
         * @param v   input, length n (not modified)
         * @param out output, length n (overwritten; never the same array as {@code v})
         */
        void apply(double[] v, double[] out);
    }

    private final int dimension;
    private final Product product;
    private final Product transposeProduct;

    /**
     * @param dimension        n ≥ 1
     * @param product          v ↦ M·v
     * @param transposeOrNull  v ↦ Mᵀ·v, or {@code null} if not available
     */
    public MatrixFreeOperator(int dimension, Product product, Product transposeOrNull) {
        if (dimension < 1) {
            throw new IllegalArgumentException("dimension must be >= 1, got " + dimension);
        }
        this.dimension = dimension;
        this.product = Objects.requireNonNull(product, "product");
        this.transposeProduct = transposeOrNull;
    }

    /**
     * A dense square matrix as an operator (for tests and small systems; Hipparchus 4 matrices are not
     * {@code RealLinearOperator}s). The matrix is referenced, not copied.
     *
     * @param m square matrix
     * @return v ↦ m·v with transpose v ↦ mᵀ·v
     */
    public static MatrixFreeOperator dense(org.hipparchus.linear.RealMatrix m) {
        if (m.getRowDimension() != m.getColumnDimension()) {
            throw new IllegalArgumentException("matrix must be square, got " + m.getRowDimension() + " x "
                    + m.getColumnDimension());
        }
        return new MatrixFreeOperator(m.getRowDimension(),
                (v, out) -> System.arraycopy(m.operate(v), 0, out, 0, out.length),
                (v, out) -> System.arraycopy(m.preMultiply(v), 0, out, 0, out.length));
    }

    /** @return a symmetric operator (its transpose is itself) */
    public static MatrixFreeOperator symmetric(int dimension, Product product) {
        return new MatrixFreeOperator(dimension, product, product);
    }

    @Override public int getRowDimension() { return dimension; }

    @Override public int getColumnDimension() { return dimension; }

    @Override public RealVector operate(RealVector x) { return apply(product, x); }

    @Override public RealVector operateTranspose(RealVector x) {
        if (transposeProduct == null) {
            throw new UnsupportedOperationException("this operator has no transpose product");
        }
        return apply(transposeProduct, x);
    }

    @Override public boolean isTransposable() { return transposeProduct != null; }

    private RealVector apply(Product p, RealVector x) {
        if (x.getDimension() != dimension) {
            throw new IllegalArgumentException("vector length must be " + dimension + ", got " + x.getDimension());
        }
        double[] in = x.toArray();
        double[] out = new double[dimension];
        p.apply(in, out);
        return new ArrayRealVector(out, false);
    }
}
