package org.mdsens.md.potential;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parameter vector layout of a pair potential: an ordered list of families, each a base name
 * with an arity (0 = global {@code name}, 1 = per species {@code name[A]}, 2 = per pair
 * {@code name[A,B]}), expanded to canonical names with species in species order.
 *
 * <p>Lookup accepts either order inside a pair ({@code sigma[B,A]} is {@code sigma[A,B]}) and
 * blanks after commas; an unknown species is reported by name, any other miss lists every valid
 * parameter. Immutable and thread-safe.
 */
final class ParameterNames {

    /** A family of parameters: base name and arity (0 global, 1 per species, 2 per pair). */
    record Family(String base, int arity) {
        Family {
            if (arity < 0 || arity > 2) throw new IllegalArgumentException("arity must be 0, 1 or 2, got " + arity);
        }
    }

    private static final Pattern SYNTAX = Pattern.compile("\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*(?:\\[([^\\]]*)\\])?\\s*");

    private final SpeciesTable species;
    private final List<Family> families;
    private final int[] offset;          // per family, first index
    private final int[] familyOf;        // per parameter
    private final int[] localOf;         // per parameter: 0, species index or pair index
    private final List<String> names;
    private final Map<String, Integer> index = new HashMap<>();

    ParameterNames(SpeciesTable species, List<Family> families) {
        this.species = species;
        this.families = List.copyOf(families);
        this.offset = new int[families.size()];
        List<String> all = new ArrayList<>();
        List<Integer> fam = new ArrayList<>();
        List<Integer> loc = new ArrayList<>();
        for (int f = 0; f < families.size(); f++) {
            Family family = families.get(f);
            for (int g = 0; g < f; g++) {
                Family other = families.get(g);
                if (other.base().equals(family.base()) && other.arity() == family.arity()) {
                    throw new IllegalArgumentException("parameter family " + family + " is listed twice");
                }
            }
            offset[f] = all.size();
            int count = switch (family.arity()) {
                case 0 -> 1;
                case 1 -> species.size();
                default -> species.pairCount();
            };
            for (int i = 0; i < count; i++) {
                String name = switch (family.arity()) {
                    case 0 -> family.base();
                    case 1 -> family.base() + "[" + species.names().get(i) + "]";
                    default -> family.base() + "[" + species.pairLabel(i) + "]";
                };
                index.put(name, all.size());
                all.add(name);
                fam.add(f);
                loc.add(i);
            }
        }
        this.names = List.copyOf(all);
        this.familyOf = fam.stream().mapToInt(Integer::intValue).toArray();
        this.localOf = loc.stream().mapToInt(Integer::intValue).toArray();
    }

    List<String> names() { return names; }

    int size() { return names.size(); }

    int offset(int family) { return offset[family]; }

    int family(int k) { return familyOf[k]; }

    /** 0 for a global, the species index for a per-species, the pair index for a per-pair parameter. */
    int local(int k) { return localOf[k]; }

    int arity(int k) { return families.get(familyOf[k]).arity(); }

    String name(int k) { return names.get(k); }

    /**
     * Index of a parameter name; {@code sigma[B,A]} resolves to {@code sigma[A,B]}.
     *
     * @throws IllegalArgumentException for an unknown species (named) or an unknown parameter
     *         (listing the valid ones)
     */
    int indexOf(String name) {
        if (name == null) throw unknown("null");
        Integer direct = index.get(name);
        if (direct != null) return direct;
        Matcher m = SYNTAX.matcher(name);
        if (!m.matches()) throw unknown(name);
        String base = m.group(1);
        String inside = m.group(2);
        String[] parts = inside == null ? new String[0] : inside.split(",", -1);
        int arity = parts.length;
        int f = -1;
        for (int g = 0; g < families.size(); g++) {
            if (families.get(g).base().equals(base) && families.get(g).arity() == arity) f = g;
        }
        if (f < 0) throw unknown(name);
        int[] s = new int[arity];
        for (int i = 0; i < arity; i++) {
            String sp = parts[i].trim();
            s[i] = species.speciesOrMinusOne(sp);
            if (s[i] < 0) {
                throw new IllegalArgumentException("unknown species '" + sp + "' in parameter '" + name
                        + "'; species are " + String.join(", ", species.names()));
            }
        }
        return switch (arity) {
            case 0 -> offset[f];
            case 1 -> offset[f] + s[0];
            default -> offset[f] + species.pairIndex(s[0], s[1]);
        };
    }

    private IllegalArgumentException unknown(String name) {
        return new IllegalArgumentException("unknown parameter '" + name + "'; valid parameters are "
                + String.join(", ", names));
    }
}
