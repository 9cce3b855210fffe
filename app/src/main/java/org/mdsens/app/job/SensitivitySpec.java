package org.mdsens.app.job;

import java.util.List;

/**
 * {@code [sensitivity]}: which parameters θ to differentiate the minimum by, and which
 * observables to report with their derivatives. The names are checked against the model once it
 * is built (see {@link JobBuilder}).
 *
 * @param parameters parameter names ({@code diameter[B]}, {@code sigma[A,B]}, ...)
 * @param observables observable names ({@code energy}, {@code pressure}, {@code position[17]}, ...)
 */
public record SensitivitySpec(List<String> parameters, List<String> observables) {

    public SensitivitySpec {
        parameters = List.copyOf(parameters);
        observables = List.copyOf(observables);
    }

    public boolean isEmpty() { return parameters.isEmpty() && observables.isEmpty(); }

    /** No sensitivity work. */
    public static SensitivitySpec none() { return new SensitivitySpec(List.of(), List.of()); }
}
