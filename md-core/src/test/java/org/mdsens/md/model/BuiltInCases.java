package org.mdsens.md.model;

import java.util.List;

/** The built-in potentials under test (filled in once the potentials branch is merged). */
final class BuiltInCases {

    private BuiltInCases() { }

    static List<ModelCases.PotentialSpec> potentials() {
        return List.of();
    }
}
