package org.mdsens.app.job;

import java.util.Collection;

/**
 * "Did you mean ...?" for misspelled keys and names: the closest candidate by optimal string
 * alignment distance (Levenshtein plus adjacent transpositions), if it is close enough to be a
 * plausible typo (none for names of 1 or 2 characters beyond case, at most 1 edit up to 4 characters, 2 up to 8, 3 beyond).
 */
public final class Suggestions {

    private Suggestions() { }

    /** The closest plausible candidate, or null. Ties go to the first in iteration order. */
    public static String closest(String typed, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        String t = typed.toLowerCase(java.util.Locale.ROOT);
        for (String c : candidates) {
            int d = distance(t, c.toLowerCase(java.util.Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = c;
            }
        }
        if (best == null) return null;
        int len = Math.max(typed.length(), best.length());
        int allowed = len <= 2 ? 0 : len <= 4 ? 1 : len <= 8 ? 2 : 3;
        return bestDistance <= allowed ? best : null;
    }

    /** Optimal string alignment distance between a and b. */
    public static int distance(String a, String b) {
        int n = a.length();
        int m = b.length();
        int[][] d = new int[n + 1][m + 1];
        for (int i = 0; i <= n; i++) d[i][0] = i;
        for (int j = 0; j <= m; j++) d[0][j] = j;
        for (int i = 1; i <= n; i++) {
            for (int j = 1; j <= m; j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    v = Math.min(v, d[i - 2][j - 2] + 1);
                }
                d[i][j] = v;
            }
        }
        return d[n][m];
    }
}
