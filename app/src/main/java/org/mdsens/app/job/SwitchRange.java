package org.mdsens.app.job;

/**
 * {@code switch = [r_on, r_c]}: the C² switch S(r) = 1 − 10t³ + 15t⁴ − 6t⁵,
 * t = (r − r_on)/(r_c − r_on), applied on [r_on, r_c] (absolute, or in units of σ_ab with
 * {@code cutoff_in_sigma}).
 *
 * @param on  where the switch starts (&gt; 0)
 * @param off where φ reaches 0, the cutoff (&gt; on)
 */
public record SwitchRange(double on, double off) {
    public SwitchRange {
        if (!(on > 0) || !(off > on)) throw new IllegalArgumentException("switch must be [r_on, r_c] with 0 < r_on < r_c, got [" + on + ", " + off + "]");
    }
}
