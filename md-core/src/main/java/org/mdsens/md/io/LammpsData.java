package org.mdsens.md.io;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.mdsens.md.space.Box;
import org.mdsens.md.system.ParticleSystem;

/**
 * Reads and writes LAMMPS data files (the {@code read_data} / {@code write_data} format) with an
 * orthogonal box.
 *
 * <p>Reading. The first line is a title. The header gives counts ({@code atoms}, {@code atom types},
 * {@code bonds}, {@code bond types}; angles, dihedrals and impropers are skipped) and the box
 * ({@code xlo xhi}, {@code ylo yhi}, {@code zlo zhi}; a non-zero {@code xy xz yz} tilt or a general
 * triclinic {@code avec}/{@code bvec}/{@code cvec} is an error). Sections: {@code Masses}
 * ({@code type mass}), {@code Atoms} in the style named by its comment ({@code # atomic}:
 * {@code id type x y z}; {@code # bond}, {@code # angle}, {@code # molecular}: {@code id mol type x y z};
 * {@code # charge}: {@code id type q x y z}; {@code # full}: {@code id mol type q x y z}; each
 * optionally followed by image flags {@code ix iy iz}; no comment means atomic), {@code Bonds}
 * ({@code id type atom1 atom2}); {@code Velocities}, angle/dihedral/improper and coefficient sections
 * are skipped. {@code #} starts a comment anywhere. Particles are sorted by atom id. Image flags
 * unwrap: x = x_file + ix·Lx. A periodic box is shifted to start at 0 (x − xlo); an open box (read
 * with {@code periodic = false}) keeps the file's coordinates. In 2D only x and y are used and z must
 * be the same for every atom.
 *
 * <p>Writing. Type t = species index + 1, with a {@code Masses} line per type (commented with the
 * species name); {@code Atoms # atomic}, or {@code Atoms # bond} with molecule id 1 when bonds are
 * given; the box runs from 0 to L (a 2D system gets z in [−0.5, 0.5] and z = 0), positions are
 * written as they are (no wrapping, no image flags) with {@link Double#toString(double)}, so reading
 * the file back returns identical doubles. An open box is written with bounds enclosing the particles
 * with a margin (1 + 1% of the extent); read it back with {@code periodic = false}.
 *
 * <p>Malformed input raises {@link InputFormatException} with the file, line, problem and what was
 * expected. Stateless and thread-safe.
 *
 * @see <a href="https://docs.lammps.org/read_data.html">LAMMPS read_data</a>
 */
public final class LammpsData {

    /** Lines per section, as a function of the header counts. */
    private enum Count { ATOMS, ATOM_TYPES, PAIR_IJ, BONDS, BOND_TYPES, ANGLES, ANGLE_TYPES, DIHEDRALS,
        DIHEDRAL_TYPES, IMPROPERS, IMPROPER_TYPES }

    private static final Map<String, Count> SECTIONS = new LinkedHashMap<>();

    static {
        SECTIONS.put("Masses", Count.ATOM_TYPES);
        SECTIONS.put("Atoms", Count.ATOMS);
        SECTIONS.put("Velocities", Count.ATOMS);
        SECTIONS.put("Bonds", Count.BONDS);
        SECTIONS.put("Angles", Count.ANGLES);
        SECTIONS.put("Dihedrals", Count.DIHEDRALS);
        SECTIONS.put("Impropers", Count.IMPROPERS);
        SECTIONS.put("Pair Coeffs", Count.ATOM_TYPES);
        SECTIONS.put("PairIJ Coeffs", Count.PAIR_IJ);
        SECTIONS.put("Bond Coeffs", Count.BOND_TYPES);
        SECTIONS.put("Angle Coeffs", Count.ANGLE_TYPES);
        SECTIONS.put("Dihedral Coeffs", Count.DIHEDRAL_TYPES);
        SECTIONS.put("Improper Coeffs", Count.IMPROPER_TYPES);
        SECTIONS.put("BondBond Coeffs", Count.ANGLE_TYPES);
        SECTIONS.put("BondAngle Coeffs", Count.ANGLE_TYPES);
        SECTIONS.put("MiddleBondTorsion Coeffs", Count.DIHEDRAL_TYPES);
        SECTIONS.put("EndBondTorsion Coeffs", Count.DIHEDRAL_TYPES);
        SECTIONS.put("AngleTorsion Coeffs", Count.DIHEDRAL_TYPES);
        SECTIONS.put("AngleAngleTorsion Coeffs", Count.DIHEDRAL_TYPES);
        SECTIONS.put("BondBond13 Coeffs", Count.DIHEDRAL_TYPES);
        SECTIONS.put("AngleAngle Coeffs", Count.IMPROPER_TYPES);
    }

    private static final Map<String, Count> HEADER_COUNTS = Map.ofEntries(
            Map.entry("atoms", Count.ATOMS), Map.entry("atom types", Count.ATOM_TYPES),
            Map.entry("bonds", Count.BONDS), Map.entry("bond types", Count.BOND_TYPES),
            Map.entry("angles", Count.ANGLES), Map.entry("angle types", Count.ANGLE_TYPES),
            Map.entry("dihedrals", Count.DIHEDRALS), Map.entry("dihedral types", Count.DIHEDRAL_TYPES),
            Map.entry("impropers", Count.IMPROPERS), Map.entry("improper types", Count.IMPROPER_TYPES));

    private static final List<String> IGNORED_HEADERS = List.of("extra bond per atom", "extra angle per atom",
            "extra dihedral per atom", "extra improper per atom", "extra special per atom");
    private static final List<String> UNSUPPORTED_COUNTS = List.of("ellipsoids", "lines", "triangles", "bodies");

    private LammpsData() { }

    // ------------------------------------------------------------------ reading

    /**
     * Reads a data file into a periodic system.
     *
     * @param dimension    2 or 3 (LAMMPS data files do not say)
     * @param speciesNames names for atom types 1, 2, ... (at least one per type; extra names become
     *                     species without atoms), or null for {@code "1", "2", ...}
     */
    public static LammpsDataFile read(Path path, int dimension, List<String> speciesNames) throws IOException {
        return read(path, dimension, speciesNames, true);
    }

    /** Reads a data file; {@code periodic = false} gives an open box with the file's coordinates unshifted. */
    public static LammpsDataFile read(Path path, int dimension, List<String> speciesNames, boolean periodic)
            throws IOException {
        try (Reader r = LineCursor.open(path)) {
            return read(r, path.toString(), dimension, speciesNames, periodic);
        }
    }

    /** Reads a data file from text; {@code sourceName} (null: {@code "<string>"}) appears in error messages. */
    public static LammpsDataFile read(Reader reader, String sourceName, int dimension, List<String> speciesNames,
                                      boolean periodic) throws IOException {
        if (dimension != 2 && dimension != 3) {
            throw new IllegalArgumentException("dimension must be 2 or 3, got " + dimension);
        }
        return new Parser(new LineCursor(reader, sourceName), dimension, speciesNames, periodic).parse();
    }

    private static final class Parser {
        private final LineCursor in;
        private final int dimension;
        private final List<String> speciesNames;
        private final boolean periodic;

        private final long[] counts = new long[Count.values().length];
        private final int[] countLines = new int[Count.values().length];
        private final double[] lo = {Double.NaN, Double.NaN, Double.NaN};
        private final double[] hi = {Double.NaN, Double.NaN, Double.NaN};
        private int headerEndLine;

        private final Map<String, Integer> sectionsSeen = new HashMap<>();
        private double[] masses;
        private String atomStyle;
        private long[] ids;
        private int[] types;
        private double[] raw;       // x y z per atom in file order
        private int[] images;       // ix iy iz per atom in file order
        private int[] atomLines;    // line of each atom
        private long[] bondIds;
        private int[] bondTypes;
        private long[] bondAtoms;   // atom1 atom2 per bond
        private int[] bondLines;

        Parser(LineCursor in, int dimension, List<String> speciesNames, boolean periodic) {
            this.in = in;
            this.dimension = dimension;
            this.speciesNames = speciesNames == null ? null : List.copyOf(speciesNames);
            this.periodic = periodic;
        }

        LammpsDataFile parse() throws IOException {
            String title = in.next();
            if (title == null) {
                throw in.errorAt(1, "the file is empty", "a title line, a header (atoms, atom types, box) and an Atoms section");
            }
            String line = parseHeader();
            while (line != null) {
                parseSection(line);
                line = nextNonBlank();
            }
            return build(title.strip());
        }

        private String nextNonBlank() throws IOException {
            String line;
            do {
                line = in.next();
            } while (line != null && Tokens.stripComment(line).isEmpty());
            return line;
        }

        private static boolean startsWithLetter(String stripped) {
            return !stripped.isEmpty() && Character.isLetter(stripped.charAt(0));
        }

        /** Parses header lines; returns the first section keyword line, or null at the end. */
        private String parseHeader() throws IOException {
            while (true) {
                String line = nextNonBlank();
                if (line == null) return null;
                String s = Tokens.stripComment(line);
                if (startsWithLetter(s)) {
                    headerEndLine = in.line();
                    return line;
                }
                String[] tok = Tokens.split(s);
                int k = 0;
                while (k < tok.length && !startsWithLetter(tok[k])) k++;
                String keyword = String.join(" ", Arrays.copyOfRange(tok, k, tok.length));
                String[] nums = Arrays.copyOf(tok, k);
                Count c = HEADER_COUNTS.get(keyword);
                if (c != null) {
                    expectNumbers(nums, 1, keyword);
                    counts[c.ordinal()] = Tokens.integer(nums[0], in, "number of " + keyword, 0, Integer.MAX_VALUE);
                    countLines[c.ordinal()] = in.line();
                } else if (keyword.equals("xlo xhi") || keyword.equals("ylo yhi") || keyword.equals("zlo zhi")) {
                    expectNumbers(nums, 2, keyword);
                    int a = keyword.charAt(0) - 'x';
                    lo[a] = Tokens.real(nums[0], in, keyword.substring(0, 3));
                    hi[a] = Tokens.real(nums[1], in, keyword.substring(4));
                    if (!(hi[a] > lo[a])) {
                        throw in.error(keyword + " " + nums[0] + " " + nums[1] + " is an empty box range",
                                keyword.substring(4) + " greater than " + keyword.substring(0, 3));
                    }
                } else if (keyword.equals("xy xz yz")) {
                    expectNumbers(nums, 3, keyword);
                    for (int t = 0; t < 3; t++) {
                        if (Tokens.real(nums[t], in, "tilt factor") != 0) {
                            throw in.error("the box is triclinic (xy xz yz = " + String.join(" ", nums) + ")",
                                    "an orthogonal box: no xy xz yz line, or all three tilt factors 0");
                        }
                    }
                } else if (keyword.equals("avec") || keyword.equals("bvec") || keyword.equals("cvec")
                        || keyword.equals("abc origin")) {
                    throw in.error("the box is a general triclinic cell (" + keyword + ")",
                            "an orthogonal box given by xlo xhi, ylo yhi, zlo zhi");
                } else if (IGNORED_HEADERS.contains(keyword)) {
                    expectNumbers(nums, 1, keyword);
                } else if (UNSUPPORTED_COUNTS.contains(keyword)) {
                    expectNumbers(nums, 1, keyword);
                    if (Tokens.integer(nums[0], in, "number of " + keyword) != 0) {
                        throw in.error("the file has " + keyword + ", which atom_style atomic does not support",
                                "0 " + keyword);
                    }
                } else {
                    throw in.error("unknown header line " + Tokens.quote(s),
                            "a header keyword such as 'N atoms', 'N atom types', 'N bonds', 'N bond types', "
                                    + "'xlo xhi', or a section name such as Masses or Atoms");
                }
            }
        }

        private void expectNumbers(String[] nums, int n, String keyword) {
            if (nums.length != n) {
                throw in.error("header line '" + keyword + "' has " + nums.length + " numbers",
                        n + (n == 1 ? " number" : " numbers") + " before '" + keyword + "'");
            }
        }

        private void parseSection(String keywordLine) throws IOException {
            int sectionLine = in.line();
            String name = Tokens.stripComment(keywordLine);
            Count c = SECTIONS.get(name);
            if (c == null) {
                if (sectionsSeen.isEmpty()) {
                    throw in.error("unknown header or section line " + Tokens.quote(name),
                            "a header line such as 'N atoms', 'N atom types', 'lo hi xlo xhi', "
                                    + "or a section name such as Masses, Atoms, Velocities, Bonds or Pair Coeffs");
                }
                throw in.error("unknown section " + Tokens.quote(name),
                        "a section name such as Masses, Atoms, Velocities, Bonds or Pair Coeffs");
            }
            Integer previous = sectionsSeen.putIfAbsent(name, sectionLine);
            if (previous != null) {
                throw in.error("section " + name + " appears a second time (first on line " + previous + ")",
                        "each section once");
            }
            long n = c == Count.PAIR_IJ ? counts[Count.ATOM_TYPES.ordinal()] * (counts[Count.ATOM_TYPES.ordinal()] + 1) / 2
                    : counts[c.ordinal()];
            if (name.equals("Atoms")) {
                int hash = keywordLine.indexOf('#');
                String style = hash < 0 ? "" : keywordLine.substring(hash + 1).strip();
                String[] st = Tokens.split(style);
                atomStyle = st.length == 0 ? "atomic" : st[0].toLowerCase(Locale.ROOT);
                int atoms = (int) n;
                ids = new long[atoms];
                types = new int[atoms];
                raw = new double[3 * atoms];
                images = new int[3 * atoms];
                atomLines = new int[atoms];
            } else if (name.equals("Masses")) {
                masses = new double[(int) n];
                Arrays.fill(masses, Double.NaN);
            } else if (name.equals("Bonds")) {
                int b = (int) n;
                bondIds = new long[b];
                bondTypes = new int[b];
                bondAtoms = new long[2 * b];
                bondLines = new int[b];
            }
            for (int k = 0; k < n; k++) {
                String line = nextNonBlank();
                if (line == null) {
                    throw in.errorAt(in.line() + 1, "the file ends after " + k + " of " + n + " lines of section "
                            + name + " (line " + sectionLine + ")", n + " lines in " + name
                            + ", as the header declares");
                }
                String s = Tokens.stripComment(line);
                if (startsWithLetter(s)) {
                    throw in.error("section " + name + " (line " + sectionLine + ") ends after " + k + " of " + n
                            + " lines at " + Tokens.quote(s), n + " lines in " + name + ", as the header declares");
                }
                String[] tok = Tokens.split(s);
                switch (name) {
                    case "Masses" -> parseMass(tok);
                    case "Atoms" -> parseAtom(k, tok);
                    case "Bonds" -> parseBond(k, tok);
                    default -> { } // skipped section
                }
            }
        }

        private void parseMass(String[] tok) {
            if (tok.length != 2) {
                throw in.error("Masses line has " + tok.length + " columns", "'type mass'");
            }
            int t = Tokens.integer(tok[0], in, "atom type", 1, masses.length);
            double m = Tokens.real(tok[1], in, "mass");
            if (!(m > 0)) throw in.error("mass " + tok[1] + " of atom type " + t + " is not positive", "a mass > 0");
            if (!Double.isNaN(masses[t - 1])) throw in.error("atom type " + t + " has a second mass", "one mass per type");
            masses[t - 1] = m;
        }

        private void parseAtom(int k, String[] tok) {
            int idCol = 0;
            int typeCol;
            int xCol;
            switch (atomStyle) {
                case "atomic" -> { typeCol = 1; xCol = 2; }
                case "charge" -> { typeCol = 1; xCol = 3; }
                case "bond", "angle", "molecular" -> { typeCol = 2; xCol = 3; }
                case "full" -> { typeCol = 2; xCol = 4; }
                default -> throw in.errorAt(sectionsSeen.get("Atoms"), "atom style " + Tokens.quote(atomStyle)
                        + " is not supported", "Atoms # atomic, # bond, # angle, # molecular, # charge or # full");
            }
            int base = xCol + 3;
            if (tok.length != base && tok.length != base + 3) {
                String layout = switch (atomStyle) {
                    case "atomic" -> "id type x y z";
                    case "charge" -> "id type q x y z";
                    case "full" -> "id mol type q x y z";
                    default -> "id mol type x y z";
                };
                throw in.error("Atoms line has " + tok.length + " columns for atom style " + atomStyle,
                        base + " or " + (base + 3) + " columns: " + layout + " [ix iy iz]");
            }
            ids[k] = Tokens.integer(tok[idCol], in, "atom id");
            if (ids[k] < 1) throw in.error("atom id " + ids[k] + " is not positive", "atom ids >= 1");
            long atomTypes = counts[Count.ATOM_TYPES.ordinal()];
            long t = Tokens.integer(tok[typeCol], in, "atom type");
            if (t < 1 || t > atomTypes) {
                throw in.error("atom type " + t + " is outside the " + atomTypes + " atom types the header declares",
                        "an atom type in [1, " + atomTypes + "]");
            }
            types[k] = (int) t;
            for (int a = 0; a < 3; a++) {
                raw[3 * k + a] = Tokens.real(tok[xCol + a], in, "xyz".charAt(a) + " coordinate");
                if (tok.length == base + 3) {
                    images[3 * k + a] = Tokens.integer(tok[base + a], in, "image flag i" + "xyz".charAt(a),
                            Integer.MIN_VALUE, Integer.MAX_VALUE);
                }
            }
            atomLines[k] = in.line();
        }

        private void parseBond(int k, String[] tok) {
            if (tok.length != 4) throw in.error("Bonds line has " + tok.length + " columns", "4 columns: id type atom1 atom2");
            bondIds[k] = Tokens.integer(tok[0], in, "bond id");
            long bondTypeCount = counts[Count.BOND_TYPES.ordinal()];
            long t = Tokens.integer(tok[1], in, "bond type");
            if (t < 1 || t > bondTypeCount) {
                throw in.error("bond type " + t + " is outside the " + bondTypeCount + " bond types the header declares",
                        "a bond type in [1, " + bondTypeCount + "]");
            }
            bondTypes[k] = (int) t;
            bondAtoms[2 * k] = Tokens.integer(tok[2], in, "bond atom");
            bondAtoms[2 * k + 1] = Tokens.integer(tok[3], in, "bond atom");
            if (bondAtoms[2 * k] == bondAtoms[2 * k + 1]) {
                throw in.error("bond " + bondIds[k] + " joins atom " + bondAtoms[2 * k] + " to itself", "two distinct atom ids");
            }
            bondLines[k] = in.line();
        }

        private LammpsDataFile build(String title) {
            int atoms = (int) counts[Count.ATOMS.ordinal()];
            int atomTypes = (int) counts[Count.ATOM_TYPES.ordinal()];
            int endLine = headerEndLine > 0 ? headerEndLine : in.line();
            if (atoms == 0) {
                throw in.errorAt(countLines[Count.ATOMS.ordinal()] > 0 ? countLines[Count.ATOMS.ordinal()] : endLine,
                        "the header declares no atoms", "a header line 'N atoms' with N >= 1");
            }
            if (atomTypes == 0) {
                throw in.errorAt(countLines[Count.ATOM_TYPES.ordinal()] > 0 ? countLines[Count.ATOM_TYPES.ordinal()] : endLine,
                        "the header declares no atom types", "a header line 'N atom types' with N >= 1");
            }
            if (ids == null) {
                throw in.errorAt(countLines[Count.ATOMS.ordinal()], "the header declares " + atoms
                        + " atoms but the file has no Atoms section", "an 'Atoms # atomic' section with " + atoms + " lines");
            }
            int bonds = (int) counts[Count.BONDS.ordinal()];
            if (bonds > 0 && bondIds == null) {
                throw in.errorAt(countLines[Count.BONDS.ordinal()], "the header declares " + bonds
                        + " bonds but the file has no Bonds section", "a 'Bonds' section with " + bonds + " lines");
            }
            if (bonds > 0 && counts[Count.BOND_TYPES.ordinal()] == 0) {
                throw in.errorAt(countLines[Count.BONDS.ordinal()], "the header declares " + bonds
                        + " bonds but no bond types", "a header line 'N bond types' with N >= 1");
            }
            for (int a = 0; a < dimension; a++) {
                if (Double.isNaN(lo[a])) {
                    String key = "xyz".charAt(a) + "lo " + "xyz".charAt(a) + "hi";
                    throw in.errorAt(endLine, "the header has no '" + key + "' line",
                            "a header line 'lo hi " + key + "' before the first section");
                }
            }
            List<String> names = speciesNames;
            if (names == null) {
                List<String> def = new ArrayList<>();
                for (int t = 1; t <= atomTypes; t++) def.add(Integer.toString(t));
                names = def;
            } else if (names.size() < atomTypes) {
                throw in.errorAt(countLines[Count.ATOM_TYPES.ordinal()], "the file has " + atomTypes
                        + " atom types but only " + names.size() + " species names were given " + names,
                        "one species name per atom type");
            }

            // sort by id
            Integer[] order = new Integer[atoms];
            for (int i = 0; i < atoms; i++) order[i] = i;
            Arrays.sort(order, (p, q) -> Long.compare(ids[p], ids[q]));
            for (int i = 1; i < atoms; i++) {
                if (ids[order[i]] == ids[order[i - 1]]) {
                    throw in.errorAt(atomLines[Math.max(order[i], order[i - 1])], "atom id " + ids[order[i]]
                            + " appears twice (also on line " + atomLines[Math.min(order[i], order[i - 1])] + ")",
                            "distinct atom ids");
                }
            }
            double[] length = new double[3];
            for (int a = 0; a < 3; a++) length[a] = hi[a] - lo[a];
            double[] positions = new double[dimension * atoms];
            int[] species = new int[atoms];
            long[] sortedIds = new long[atoms];
            Map<Long, Integer> indexOfId = new HashMap<>();
            double z0 = raw[3 * order[0] + 2];
            for (int i = 0; i < atoms; i++) {
                int f = order[i];
                sortedIds[i] = ids[f];
                indexOfId.put(ids[f], i);
                species[i] = types[f] - 1;
                for (int a = 0; a < dimension; a++) {
                    double x = raw[3 * f + a];
                    if (periodic) x = x - lo[a];
                    if (images[3 * f + a] != 0) x = x + images[3 * f + a] * length[a];
                    positions[dimension * i + a] = x;
                }
                if (dimension == 2 && raw[3 * f + 2] != z0) {
                    throw in.errorAt(atomLines[f], "z = " + raw[3 * f + 2] + " of atom " + ids[f]
                            + " differs from z = " + z0 + " of atom " + sortedIds[0] + " in a 2D system",
                            "the same z for every atom of a 2D data file");
                }
            }
            double[] speciesMasses = new double[names.size()];
            Arrays.fill(speciesMasses, 1.0);
            if (masses != null) {
                for (int t = 0; t < masses.length; t++) {
                    if (Double.isNaN(masses[t])) {
                        throw in.errorAt(sectionsSeen.get("Masses"), "the Masses section gives no mass for atom type "
                                + (t + 1), "one line 'type mass' per atom type");
                    }
                    speciesMasses[t] = masses[t];
                }
            }
            BondTopology topology = BondTopology.none();
            if (bondIds != null) {
                int[] first = new int[bonds];
                int[] second = new int[bonds];
                int[] type = new int[bonds];
                Integer[] border = new Integer[bonds];
                for (int b = 0; b < bonds; b++) border[b] = b;
                Arrays.sort(border, (p, q) -> Long.compare(bondIds[p], bondIds[q]));
                for (int b = 0; b < bonds; b++) {
                    int f = border[b];
                    Integer i1 = indexOfId.get(bondAtoms[2 * f]);
                    Integer i2 = indexOfId.get(bondAtoms[2 * f + 1]);
                    if (i1 == null || i2 == null) {
                        throw in.errorAt(bondLines[f], "bond " + bondIds[f] + " refers to atom id "
                                + (i1 == null ? bondAtoms[2 * f] : bondAtoms[2 * f + 1]) + ", which is not in Atoms",
                                "atom ids listed in the Atoms section");
                    }
                    first[b] = i1;
                    second[b] = i2;
                    type[b] = bondTypes[f] - 1;
                }
                topology = new BondTopology(first, second, type, (int) counts[Count.BOND_TYPES.ordinal()]);
            }
            Box box;
            if (periodic) {
                box = new Box.Periodic(Arrays.copyOf(length, dimension));
            } else {
                box = new Box.Open(dimension);
            }
            ParticleSystem system;
            try {
                system = new ParticleSystem(box, positions, species, names, speciesMasses);
            } catch (IllegalArgumentException e) {
                throw in.errorAt(0, "the file does not make a valid system: " + e.getMessage(),
                        "a data file that satisfies the constraint above");
            }
            return new LammpsDataFile(system, topology, sortedIds, atomStyle, title);
        }
    }

    // ------------------------------------------------------------------ writing

    /**
     * Writes a data file (replacing it).
     *
     * @param bondsOrNull bond topology over the system's particle indices, or null for atom_style atomic
     */
    public static void write(Path path, ParticleSystem system, BondTopology bondsOrNull) throws IOException {
        try (Writer w = Files.newBufferedWriter(path, StandardCharsets.UTF_8)) {
            write(w, system, bondsOrNull);
        }
    }

    /** Writes a data file to a writer (not closed). */
    public static void write(Writer out, ParticleSystem system, BondTopology bondsOrNull) throws IOException {
        out.write(format(system, bondsOrNull));
    }

    /** A data file as text (see {@link #write(Writer, ParticleSystem, BondTopology)}). */
    public static String format(ParticleSystem system, BondTopology bondsOrNull) {
        int n = system.size();
        int d = system.dimension();
        int types = system.speciesCount();
        if (bondsOrNull != null) {
            for (int b = 0; b < bondsOrNull.size(); b++) {
                int i = bondsOrNull.first()[b];
                int j = bondsOrNull.second()[b];
                if (i >= n || j >= n) {
                    throw new IllegalArgumentException("bond " + b + " particle indices must be < " + n + ", got "
                            + i + " and " + j);
                }
            }
        }
        double[] x = system.positions();
        double[] lo = new double[3];
        double[] hi = new double[3];
        boolean open = system.box() instanceof Box.Open;
        if (system.box() instanceof Box.Periodic p) {
            for (int a = 0; a < d; a++) hi[a] = p.length(a);
        } else {
            for (int a = 0; a < d; a++) {
                double min = Double.POSITIVE_INFINITY;
                double max = Double.NEGATIVE_INFINITY;
                for (int i = 0; i < n; i++) {
                    min = Math.min(min, x[d * i + a]);
                    max = Math.max(max, x[d * i + a]);
                }
                if (n == 0) {
                    min = 0;
                    max = 0;
                }
                double margin = 1.0 + 0.01 * (max - min);
                lo[a] = min - margin;
                hi[a] = max + margin;
            }
        }
        if (d == 2) {
            lo[2] = -0.5;
            hi[2] = 0.5;
        }
        String style = bondsOrNull == null ? "atomic" : "bond";
        StringBuilder sb = new StringBuilder(256 + n * 80);
        sb.append("LAMMPS data file written by mdsens (atom_style ").append(style).append(", dimension ").append(d)
                .append(", boundary ").append(open ? "f f f" : "p p p").append(")\n\n");
        sb.append(n).append(" atoms\n").append(types).append(" atom types\n");
        if (bondsOrNull != null) {
            sb.append(bondsOrNull.size()).append(" bonds\n").append(bondsOrNull.typeCount()).append(" bond types\n");
        }
        sb.append('\n');
        String[] axes = {"xlo xhi", "ylo yhi", "zlo zhi"};
        for (int a = 0; a < 3; a++) {
            sb.append(Tokens.format(lo[a])).append(' ').append(Tokens.format(hi[a])).append(' ').append(axes[a]).append('\n');
        }
        sb.append("\nMasses\n\n");
        for (int t = 0; t < types; t++) {
            sb.append(t + 1).append(' ').append(Tokens.format(system.speciesMass(t))).append(" # ")
                    .append(system.speciesNames().get(t)).append('\n');
        }
        sb.append("\nAtoms # ").append(style).append("\n\n");
        for (int i = 0; i < n; i++) {
            sb.append(i + 1);
            if (bondsOrNull != null) sb.append(" 1");
            sb.append(' ').append(system.species(i) + 1);
            for (int a = 0; a < 3; a++) sb.append(' ').append(a < d ? Tokens.format(x[d * i + a]) : "0.0");
            sb.append('\n');
        }
        if (bondsOrNull != null && bondsOrNull.size() > 0) {
            int[] f = bondsOrNull.first();
            int[] s = bondsOrNull.second();
            int[] t = bondsOrNull.type();
            sb.append("\nBonds\n\n");
            for (int b = 0; b < f.length; b++) {
                sb.append(b + 1).append(' ').append(t[b] + 1).append(' ').append(f[b] + 1).append(' ')
                        .append(s[b] + 1).append('\n');
            }
        }
        return sb.toString();
    }
}
