/**
 * A tiny bilevel problem: fit a potential parameter so that an equilibrium observable hits a target,
 * with outer gradients by VJP: {@link org.mdsens.examples.bilevel.BilevelExample}.
 */
package org.mdsens.examples.bilevel;
