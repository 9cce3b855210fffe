/**
 * The Lennard-Jones dimer in an open box, whose sensitivity has a closed form
 * (dr*&#47;dσ = 2^{1/6}): {@link org.mdsens.examples.dimer.LjDimerExample}.
 */
package org.mdsens.examples.dimer;
