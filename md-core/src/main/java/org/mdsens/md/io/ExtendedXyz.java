package org.mdsens.md.io;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.mdsens.md.space.Box;
import org.mdsens.md.system.ParticleSystem;

/**
 * Reads and writes the extended XYZ format in the dialect of ASE and OVITO.
 *
 * <p>A frame is an atom-count line, a comment line of {@code key=value} pairs (values may be
 * double-quoted, with {@code \"} and {@code \\} escapes; a bare key means {@code key=T}), and one
 * line per atom with the whitespace-separated columns declared by
 * {@code Properties=name:T:k:name:T:k...} (types {@code R} real, {@code I} integer, {@code S} string,
 * {@code L} logical; default {@code species:S:1:pos:R:3}). Frames follow each other directly.
 *
 * <p>Boxes. {@code Lattice="ax ay az bx by bz cx cy cz"} gives the cell vectors; only an orthorhombic
 * cell ({@code "Lx 0 0 0 Ly 0 0 0 Lz"}, off-diagonal entries below 1e-10 of the largest length) is
 * accepted. {@code pbc="T T T"} (the default when a Lattice is present) gives a periodic box,
 * {@code "F F F"} (the default without a Lattice) an open one (any Lattice is then ignored), and
 * {@code "T T F"} a 2D periodic system, which needs all z = 0 unless dimension 2 is requested (see
 * {@link XyzReadOptions}). Any other mix of periodic and open axes is an error. An OVITO
 * {@code Origin="ox oy oz"} of a periodic cell is subtracted from the positions, so boxes start at 0.
 * Positions are not wrapped into the box.
 *
 * <p>Writing always puts {@code species:S:1:pos:R:3} first, then the extra columns in the order
 * given; a periodic 3D box is written as {@code Lattice="Lx 0.0 0.0 0.0 Ly 0.0 0.0 0.0 Lz"
 * pbc="T T T"}, a periodic 2D box with a unit z vector {@code Lattice="Lx 0.0 0.0 0.0 Ly 0.0 0.0 0.0
 * 1.0" pbc="T T F"} and z = 0, an open box with no Lattice and {@code pbc="F F F"} (an open 2D system
 * must then be read back with dimension 2 requested). Numbers are written with
 * {@link Double#toString(double)}, which reads back to the identical double, so write then read
 * reproduces positions, box lengths and columns bit for bit.
 *
 * <p>Every malformed input raises an {@link InputFormatException} naming the source, the line, what
 * is wrong and what was expected. Stateless and thread-safe.
 *
 * @see <a href="https://wiki.fysik.dtu.dk/ase/ase/io/formatoptions.html#extxyz">ASE extended XYZ</a>
 */
public final class ExtendedXyz {

    private static final String DEFAULT_PROPERTIES = "species:S:1:pos:R:3";
    private static final Set<String> RESERVED = Set.of("lattice", "properties", "pbc", "origin");

    private ExtendedXyz() { }

    // ------------------------------------------------------------------ reading

    /** The first frame of a file, with dimension from the file, species in order of appearance and unit masses. */
    public static XyzFrame read(Path path) throws IOException {
        return read(path, XyzReadOptions.defaults());
    }

    /** The first frame of a file with species indices in the given order (see {@link XyzReadOptions}). */
    public static XyzFrame read(Path path, List<String> speciesOrder) throws IOException {
        return read(path, XyzReadOptions.defaults().withSpeciesOrder(speciesOrder));
    }

    /** The first frame of a file; later frames are not read. */
    public static XyzFrame read(Path path, XyzReadOptions options) throws IOException {
        try (Reader r = LineCursor.open(path)) {
            return read(r, path.toString(), options);
        }
    }

    /** The first frame of a text; {@code sourceName} (null: {@code "<string>"}) appears in error messages. */
    public static XyzFrame read(Reader reader, String sourceName) throws IOException {
        return read(reader, sourceName, XyzReadOptions.defaults());
    }

    /** The first frame of a text; later frames are not read. */
    public static XyzFrame read(Reader reader, String sourceName, XyzReadOptions options) throws IOException {
        return new FrameParser(new LineCursor(reader, sourceName), options).next(true);
    }

    /** Every frame of a file, in order. */
    public static List<XyzFrame> readAll(Path path, XyzReadOptions options) throws IOException {
        try (Reader r = LineCursor.open(path)) {
            return readAll(r, path.toString(), options);
        }
    }

    /** Every frame of a text, in order. */
    public static List<XyzFrame> readAll(Reader reader, String sourceName, XyzReadOptions options) throws IOException {
        FrameParser p = new FrameParser(new LineCursor(reader, sourceName), options);
        List<XyzFrame> frames = new ArrayList<>();
        for (XyzFrame f = p.next(true); f != null; f = p.next(false)) frames.add(f);
        return frames;
    }

    /** The last frame of a file (every frame is checked): what a job starting from a trajectory wants. */
    public static XyzFrame readLast(Path path) throws IOException {
        return readLast(path, XyzReadOptions.defaults());
    }

    /** The last frame of a file (every frame is checked). */
    public static XyzFrame readLast(Path path, XyzReadOptions options) throws IOException {
        try (Reader r = LineCursor.open(path)) {
            return readLast(r, path.toString(), options);
        }
    }

    /** The last frame of a text (every frame is checked). */
    public static XyzFrame readLast(Reader reader, String sourceName, XyzReadOptions options) throws IOException {
        FrameParser p = new FrameParser(new LineCursor(reader, sourceName), options);
        XyzFrame last = p.next(true);
        for (XyzFrame f = p.next(false); f != null; f = p.next(false)) last = f;
        return last;
    }

    /** Parses consecutive frames from one cursor. */
    private static final class FrameParser {
        private final LineCursor in;
        private final XyzReadOptions options;
        private int previousHeaderLine;
        private int previousCount;

        FrameParser(LineCursor in, XyzReadOptions options) {
            this.in = in;
            this.options = options == null ? XyzReadOptions.defaults() : options;
        }

        XyzFrame next(boolean first) throws IOException {
            String countLine = in.next();
            if (!first) {
                while (countLine != null && countLine.isBlank()) countLine = in.next();
                if (countLine == null) return null;
            } else if (countLine == null) {
                throw in.errorAt(1, "the input is empty",
                        "an atom count on line 1, a comment line, then one line per atom");
            }
            int headerLine = in.line();
            int count = parseCount(countLine, first);
            previousHeaderLine = headerLine;
            previousCount = count;

            String comment = in.next();
            if (comment == null) {
                throw in.errorAt(headerLine + 1, "the input ends after the atom count",
                        "a comment line (Lattice=..., Properties=..., pbc=...) followed by " + count + " atom lines");
            }
            Map<String, String> keys = parseKeyValues(comment, in);
            return parseFrame(headerLine, count, keys);
        }

        private int parseCount(String line, boolean first) {
            String t = line.strip();
            long n;
            try {
                n = Long.parseLong(t);
            } catch (NumberFormatException e) {
                n = -1;
            }
            if (n >= 1 && n <= Integer.MAX_VALUE) return (int) n;
            String what = "atom count " + Tokens.quote(t) + " is not a positive integer";
            if (first) {
                throw in.error(what, "the number of atoms alone on the first line of the frame");
            }
            throw in.error(what, "the atom count of a next frame, since the frame at line " + previousHeaderLine
                    + " declares " + previousCount + " atoms (does it have more atom lines than that?)");
        }

        private XyzFrame parseFrame(int headerLine, int count, Map<String, String> keys) throws IOException {
            int commentLine = headerLine + 1;
            String latticeText = null;
            String propertiesText = DEFAULT_PROPERTIES;
            String pbcText = null;
            String originText = null;
            Map<String, String> info = new LinkedHashMap<>();
            for (Map.Entry<String, String> e : keys.entrySet()) {
                switch (e.getKey().toLowerCase(Locale.ROOT)) {
                    case "lattice" -> latticeText = e.getValue();
                    case "properties" -> propertiesText = e.getValue();
                    case "pbc" -> pbcText = e.getValue();
                    case "origin" -> originText = e.getValue();
                    default -> info.put(e.getKey(), e.getValue());
                }
            }
            List<XyzProperty> properties = parseProperties(propertiesText);
            double[] lattice = latticeText == null ? null : parseNumbers(latticeText, 9, "Lattice",
                    "Lattice=\"Lx 0 0 0 Ly 0 0 0 Lz\" (nine numbers)");
            boolean[] pbc = pbcText == null ? null : parsePbc(pbcText);
            if (pbc == null) pbc = lattice == null ? new boolean[] {false, false, false} : new boolean[] {true, true, true};

            int requested = options.dimension();
            boolean periodic;
            int dimension;
            if (pbc[0] && pbc[1] && pbc[2]) {
                periodic = true;
                dimension = requested == 2 ? 2 : 3;
            } else if (!pbc[0] && !pbc[1] && !pbc[2]) {
                periodic = false;
                dimension = requested == 2 ? 2 : 3;
            } else if (pbc[0] && pbc[1]) {
                if (requested == 3) {
                    throw in.error("pbc=\"T T F\" describes a 2D system but dimension 3 was requested",
                            "pbc=\"T T T\" or \"F F F\" for a 3D system, or dimension 2");
                }
                periodic = true;
                dimension = 2;
            } else {
                throw in.error("pbc=\"" + pbcText.strip() + "\" mixes periodic and open axes",
                        "pbc=\"T T T\" (periodic), \"F F F\" (open) or \"T T F\" (2D periodic)");
            }
            if (periodic && lattice == null) {
                throw in.error("pbc requests a periodic box but there is no Lattice",
                        "Lattice=\"Lx 0 0 0 Ly 0 0 0 Lz\" with periodic boundaries, or pbc=\"F F F\"");
            }
            double[] lengths = periodic ? orthorhombicLengths(lattice, dimension) : null;
            double[] origin = originText == null || !periodic ? null
                    : parseNumbers(originText, 3, "Origin", "Origin=\"ox oy oz\" (three numbers)");

            // z rule: auto-2D requires z = 0; requested 2D requires one common z
            boolean zMustBeZero = dimension == 2 && requested == 0;
            boolean zMustBeCommon = dimension == 2 && requested == 2;

            Map<String, Integer> speciesIndex = new LinkedHashMap<>();
            if (options.speciesOrder() != null) {
                for (String s : options.speciesOrder()) {
                    if (!ParticleSystem.SPECIES_NAME.matcher(s).matches()) {
                        throw new IllegalArgumentException("species names must match [A-Za-z0-9]+, got '" + s + "'");
                    }
                    if (speciesIndex.putIfAbsent(s, speciesIndex.size()) != null) {
                        throw new IllegalArgumentException("species names must be distinct, got " + options.speciesOrder());
                    }
                }
            }

            int columns = 0;
            for (XyzProperty p : properties) columns += p.components();
            Object[] data = new Object[properties.size()];
            for (int k = 0; k < data.length; k++) {
                XyzProperty p = properties.get(k);
                int len = count * p.components();
                data[k] = switch (p.type()) {
                    case REAL -> new double[len];
                    case INTEGER -> new long[len];
                    case LOGICAL -> new boolean[len];
                    case STRING -> new String[len];
                };
            }
            int[] species = new int[count];
            double[] positions = new double[dimension * count];
            double commonZ = 0;

            for (int i = 0; i < count; i++) {
                String line = in.next();
                if (line == null) {
                    throw in.errorAt(in.line() + 1, "the input ends after " + i + " of " + count + " atom lines",
                            count + " atom lines after the comment line on line " + commentLine
                                    + " (or a smaller atom count on line " + headerLine + ")");
                }
                String[] tok = Tokens.split(line);
                if (tok.length == 0) {
                    throw in.error("atom line " + (i + 1) + " of " + count + " is blank",
                            count + " atom lines with " + columns + " columns each (" + describe(properties) + ")");
                }
                if (tok.length != columns) {
                    throw in.error("atom line has " + tok.length + " columns but Properties declares " + columns,
                            columns + " whitespace-separated columns (" + describe(properties) + ")");
                }
                int col = 0;
                for (int k = 0; k < data.length; k++) {
                    XyzProperty p = properties.get(k);
                    int nc = p.components();
                    String name = p.name();
                    if (name.equals("species")) {
                        species[i] = speciesIndex(tok[col], speciesIndex);
                    } else if (name.equals("pos")) {
                        for (int c = 0; c < 3; c++) {
                            double x = Tokens.real(tok[col + c], in, "pos[" + c + "]");
                            if (c < dimension) {
                                positions[dimension * i + c] = origin == null ? x : x - origin[c];
                            } else if (zMustBeZero && x != 0) {
                                throw in.error("z = " + tok[col + c] + " in a 2D system (pbc=\"T T F\") is not 0",
                                        "z = 0 for every atom, or dimension 2 requested explicitly");
                            } else if (zMustBeCommon) {
                                if (i == 0) {
                                    commonZ = x;
                                } else if (x != commonZ) {
                                    throw in.error("z = " + tok[col + c] + " differs from the first atom's z = "
                                            + commonZ + " in a 2D system", "the same z for every atom of a 2D system");
                                }
                            }
                        }
                    } else {
                        Object arr = data[k];
                        for (int c = 0; c < nc; c++) {
                            String t = tok[col + c];
                            String what = nc == 1 ? name : name + "[" + c + "]";
                            int at = nc * i + c;
                            switch (p.type()) {
                                case REAL -> ((double[]) arr)[at] = Tokens.real(t, in, what);
                                case INTEGER -> ((long[]) arr)[at] = Tokens.integer(t, in, what);
                                case LOGICAL -> ((boolean[]) arr)[at] = logical(t, what);
                                case STRING -> ((String[]) arr)[at] = t;
                            }
                        }
                    }
                    col += nc;
                }
            }

            List<String> names = new ArrayList<>(speciesIndex.keySet());
            double[] masses = new double[names.size()];
            for (int s = 0; s < masses.length; s++) {
                Double m = options.masses() == null ? null : options.masses().get(names.get(s));
                masses[s] = m == null ? 1.0 : m;
            }
            Box box = periodic ? new Box.Periodic(lengths) : new Box.Open(dimension);
            ParticleSystem system;
            try {
                system = new ParticleSystem(box, positions, species, names, masses);
            } catch (IllegalArgumentException e) {
                throw in.errorAt(headerLine, "the frame does not make a valid system: " + e.getMessage(),
                        "a frame that satisfies the constraint above");
            }
            Map<String, double[]> real = new LinkedHashMap<>();
            Map<String, long[]> ints = new LinkedHashMap<>();
            Map<String, boolean[]> logical = new LinkedHashMap<>();
            Map<String, String[]> strings = new LinkedHashMap<>();
            for (int k = 0; k < data.length; k++) {
                String name = properties.get(k).name();
                if (name.equals("species") || name.equals("pos")) continue;
                switch (properties.get(k).type()) {
                    case REAL -> real.put(name, (double[]) data[k]);
                    case INTEGER -> ints.put(name, (long[]) data[k]);
                    case LOGICAL -> logical.put(name, (boolean[]) data[k]);
                    case STRING -> strings.put(name, (String[]) data[k]);
                }
            }
            return new XyzFrame(system, properties, real, ints, logical, strings, info);
        }

        private int speciesIndex(String name, Map<String, Integer> index) {
            Integer s = index.get(name);
            if (s != null) return s;
            if (!ParticleSystem.SPECIES_NAME.matcher(name).matches()) {
                throw in.error("species name " + Tokens.quote(name) + " is not made of letters and digits",
                        "a species name matching [A-Za-z0-9]+, such as A, B1 or Cu");
            }
            if (options.speciesOrder() != null) {
                throw in.error("species " + Tokens.quote(name) + " is not in the given species list "
                        + options.speciesOrder(), "one of " + String.join(", ", options.speciesOrder()));
            }
            int next = index.size();
            index.put(name, next);
            return next;
        }

        private boolean logical(String t, String what) {
            switch (t.toLowerCase(Locale.ROOT)) {
                case "t", "true" -> { return true; }
                case "f", "false" -> { return false; }
                default -> throw in.error(what + " " + Tokens.quote(t) + " is not a logical value", "T or F");
            }
        }

        private List<XyzProperty> parseProperties(String text) {
            String[] parts = text.strip().split(":", -1);
            String expected = "Properties=name:T:k:... with T one of R, I, S, L and k >= 1, "
                    + "starting like species:S:1:pos:R:3";
            if (parts.length % 3 != 0 || text.isBlank()) {
                throw in.error("Properties=" + text.strip() + " is not a list of name:type:count triples", expected);
            }
            List<XyzProperty> out = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (int k = 0; k < parts.length; k += 3) {
                String name = parts[k];
                XyzProperty.Type type = XyzProperty.Type.ofLetter(parts[k + 1]);
                if (name.isEmpty()) throw in.error("Properties entry " + (k / 3 + 1) + " has an empty name", expected);
                if (type == null) {
                    throw in.error("property " + name + " has unknown type " + Tokens.quote(parts[k + 1]),
                            "one of R (real), I (integer), S (string), L (logical)");
                }
                int n;
                try {
                    n = Integer.parseInt(parts[k + 2]);
                } catch (NumberFormatException e) {
                    n = 0;
                }
                if (n < 1) {
                    throw in.error("property " + name + " has component count " + Tokens.quote(parts[k + 2]),
                            "a positive integer, as in " + name + ":" + type.letter() + ":3");
                }
                if (!seen.add(name)) throw in.error("property " + name + " is declared twice", "distinct property names");
                out.add(new XyzProperty(name, type, n));
            }
            XyzProperty species = find(out, "species");
            XyzProperty pos = find(out, "pos");
            if (species == null || species.type() != XyzProperty.Type.STRING || species.components() != 1) {
                throw in.error(species == null ? "Properties has no species column"
                        : "species is declared " + species, "species:S:1 among the Properties");
            }
            if (pos == null || pos.type() != XyzProperty.Type.REAL || pos.components() != 3) {
                throw in.error(pos == null ? "Properties has no pos column" : "pos is declared " + pos,
                        "pos:R:3 among the Properties");
            }
            return out;
        }

        private static XyzProperty find(List<XyzProperty> props, String name) {
            for (XyzProperty p : props) if (p.name().equals(name)) return p;
            return null;
        }

        private double[] parseNumbers(String text, int n, String key, String expected) {
            String[] tok = Tokens.split(text);
            if (tok.length != n) {
                throw in.error(key + " has " + tok.length + " numbers", expected);
            }
            double[] v = new double[n];
            for (int k = 0; k < n; k++) v[k] = Tokens.real(tok[k], in, key + " entry " + (k + 1));
            return v;
        }

        private boolean[] parsePbc(String text) {
            String[] tok = Tokens.split(text);
            boolean[] pbc = new boolean[3];
            if (tok.length != 3) {
                throw in.error("pbc=\"" + text.strip() + "\" does not have three entries",
                        "pbc=\"T T T\", \"T T F\" or \"F F F\"");
            }
            for (int a = 0; a < 3; a++) {
                switch (tok[a].toLowerCase(Locale.ROOT)) {
                    case "t", "true", "1" -> pbc[a] = true;
                    case "f", "false", "0" -> pbc[a] = false;
                    default -> throw in.error("pbc entry " + Tokens.quote(tok[a]) + " is not T or F",
                            "pbc=\"T T T\", \"T T F\" or \"F F F\"");
                }
            }
            return pbc;
        }

        private double[] orthorhombicLengths(double[] m, int dimension) {
            double scale = Math.max(Math.abs(m[0]), Math.max(Math.abs(m[4]), Math.abs(m[8])));
            double tol = 1e-10 * scale;
            boolean ortho = true;
            for (int r = 0; r < 3; r++) {
                for (int c = 0; c < 3; c++) {
                    if (r != c && Math.abs(m[3 * r + c]) > tol) ortho = false;
                }
            }
            if (!ortho) {
                throw in.error("Lattice " + Arrays.toString(m) + " is not orthorhombic (triclinic cells are not supported)",
                        "Lattice=\"Lx 0 0 0 Ly 0 0 0 Lz\" with zero off-diagonal entries");
            }
            double[] lengths = new double[dimension];
            for (int a = 0; a < dimension; a++) {
                lengths[a] = m[4 * a];
                if (!(lengths[a] > 0)) {
                    throw in.error("Lattice length along axis " + "xyz".charAt(a) + " is " + lengths[a],
                            "positive diagonal entries Lx, Ly" + (dimension == 3 ? ", Lz" : ""));
                }
            }
            return lengths;
        }
    }

    private static String describe(List<XyzProperty> props) {
        StringBuilder sb = new StringBuilder();
        for (XyzProperty p : props) {
            if (sb.length() > 0) sb.append(' ');
            sb.append(p);
        }
        return sb.toString();
    }

    /**
     * Parses the comment line into keys and values in order: {@code key=value}, {@code key="quoted value"}
     * (escapes {@code \"} and {@code \\}), {@code key={...}} or {@code key=[...]} (kept verbatim), or a bare
     * {@code key} meaning {@code key=T}.
     */
    static Map<String, String> parseKeyValues(String s, LineCursor at) {
        Map<String, String> out = new LinkedHashMap<>();
        int n = s.length();
        int i = 0;
        while (true) {
            while (i < n && Character.isWhitespace(s.charAt(i))) i++;
            if (i >= n) break;
            int start = i;
            String key;
            if (s.charAt(i) == '"') {
                StringBuilder sb = new StringBuilder();
                i = readQuoted(s, i, sb, at);
                key = sb.toString();
            } else {
                while (i < n && !Character.isWhitespace(s.charAt(i)) && s.charAt(i) != '=') i++;
                key = s.substring(start, i);
            }
            if (key.isEmpty()) {
                throw at.error("the comment line has '=' without a key at character " + (start + 1),
                        "key=value pairs separated by spaces");
            }
            int j = i;
            while (j < n && Character.isWhitespace(s.charAt(j))) j++;
            String value;
            if (j < n && s.charAt(j) == '=') {
                i = j + 1;
                while (i < n && Character.isWhitespace(s.charAt(i))) i++;
                if (i >= n) {
                    throw at.error("key " + key + " has no value after '='", key + "=value or " + key + "=\"a value\"");
                }
                char c = s.charAt(i);
                if (c == '"') {
                    StringBuilder sb = new StringBuilder();
                    i = readQuoted(s, i, sb, at);
                    value = sb.toString();
                } else if (c == '{' || c == '[') {
                    char close = c == '{' ? '}' : ']';
                    int depth = 0;
                    int vs = i;
                    for (; i < n; i++) {
                        char ch = s.charAt(i);
                        if (ch == c) depth++;
                        else if (ch == close && --depth == 0) break;
                    }
                    if (i >= n) {
                        throw at.error("the value of " + key + " opens " + c + " but never closes it",
                                "a matching " + close);
                    }
                    i++;
                    value = s.substring(vs, i);
                } else {
                    int vs = i;
                    while (i < n && !Character.isWhitespace(s.charAt(i))) i++;
                    value = s.substring(vs, i);
                }
            } else {
                value = "T";
            }
            if (out.containsKey(key)) {
                throw at.error("key " + key + " appears twice on the comment line", "each key once");
            }
            out.put(key, value);
        }
        return out;
    }

    private static int readQuoted(String s, int i, StringBuilder sb, LineCursor at) {
        int n = s.length();
        int open = i;
        i++;
        while (i < n) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < n && (s.charAt(i + 1) == '"' || s.charAt(i + 1) == '\\')) {
                sb.append(s.charAt(i + 1));
                i += 2;
            } else if (c == '"') {
                return i + 1;
            } else {
                sb.append(c);
                i++;
            }
        }
        throw at.error("the quote opened at character " + (open + 1) + " of the comment line is never closed",
                "a closing \" after the quoted value");
    }

    // ------------------------------------------------------------------ writing

    /** Writes one frame with species and positions only. */
    public static void write(Path path, ParticleSystem system) throws IOException {
        write(path, system, List.of(), Map.of());
    }

    /**
     * Writes one frame to a file (replacing it).
     *
     * @param extraColumns per-atom real columns after {@code species} and {@code pos} (may be empty)
     * @param info         further comment-line keys and values in order (may be empty); keys are
     *                     non-empty without whitespace, {@code =} or {@code "}, and not {@code Lattice},
     *                     {@code Properties}, {@code pbc} or {@code Origin}; values have no line breaks
     */
    public static void write(Path path, ParticleSystem system, List<XyzColumn> extraColumns, Map<String, String> info)
            throws IOException {
        try (Writer w = Files.newBufferedWriter(path, StandardCharsets.UTF_8)) {
            write(w, system, extraColumns, info);
        }
    }

    /** Writes one frame; call repeatedly on one writer for a multi-frame file. The writer is not closed. */
    public static void write(Writer out, ParticleSystem system, List<XyzColumn> extraColumns, Map<String, String> info)
            throws IOException {
        out.write(format(system, extraColumns, info));
    }

    /** One frame as text (see {@link #write(Writer, ParticleSystem, List, Map)}). */
    public static String format(ParticleSystem system, List<XyzColumn> extraColumns, Map<String, String> info) {
        int n = system.size();
        int d = system.dimension();
        List<XyzColumn> cols = extraColumns == null ? List.of() : extraColumns;
        Map<String, String> extra = info == null ? Map.of() : info;
        Set<String> names = new HashSet<>();
        int[] written = new int[cols.size()];
        for (int k = 0; k < cols.size(); k++) {
            XyzColumn c = cols.get(k);
            if (c.atomCount() != n || c.values().length != n * c.components()) {
                throw new IllegalArgumentException("column " + c.name() + " length must be " + n * c.components()
                        + " (" + n + " atoms x " + c.components() + "), got " + c.values().length);
            }
            if (!names.add(c.name())) throw new IllegalArgumentException("column names must be distinct, got "
                    + c.name() + " twice");
            written[k] = d == 2 && c.components() == 2 ? 3 : c.components();
        }
        for (Map.Entry<String, String> e : extra.entrySet()) {
            String key = e.getKey();
            if (key == null || key.isEmpty() || !key.chars().noneMatch(ch -> Character.isWhitespace(ch) || ch == '=' || ch == '"')) {
                throw new IllegalArgumentException("info keys must be non-empty without whitespace, '=' or '\"', got '"
                        + key + "'");
            }
            if (RESERVED.contains(key.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("info keys must not be Lattice, Properties, pbc or Origin "
                        + "(written from the system), got '" + key + "'");
            }
            String v = e.getValue();
            if (v == null || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
                throw new IllegalArgumentException("info value of " + key + " must be a single line, got "
                        + (v == null ? "null" : "a line break"));
            }
        }

        StringBuilder sb = new StringBuilder(64 + n * (24 * (3 + 3 * cols.size()) + 8));
        sb.append(n).append('\n');
        Box box = system.box();
        if (box instanceof Box.Periodic p) {
            double lz = d == 3 ? p.length(2) : 1.0;
            sb.append("Lattice=\"").append(Tokens.format(p.length(0))).append(" 0.0 0.0 0.0 ")
                    .append(Tokens.format(p.length(1))).append(" 0.0 0.0 0.0 ").append(Tokens.format(lz)).append("\" ");
        }
        sb.append("Properties=species:S:1:pos:R:3");
        for (int k = 0; k < cols.size(); k++) sb.append(':').append(cols.get(k).name()).append(":R:").append(written[k]);
        for (Map.Entry<String, String> e : extra.entrySet()) {
            sb.append(' ').append(e.getKey()).append('=').append(quoteIfNeeded(e.getValue()));
        }
        String pbc = box instanceof Box.Periodic ? (d == 3 ? "T T T" : "T T F") : "F F F";
        sb.append(" pbc=\"").append(pbc).append("\"\n");

        double[] x = system.positions();
        List<String> speciesNames = system.speciesNames();
        double[][] values = new double[cols.size()][];
        for (int k = 0; k < values.length; k++) values[k] = cols.get(k).values();
        for (int i = 0; i < n; i++) {
            sb.append(speciesNames.get(system.species(i)));
            for (int a = 0; a < 3; a++) sb.append(' ').append(a < d ? Tokens.format(x[d * i + a]) : "0.0");
            for (int k = 0; k < values.length; k++) {
                int nc = cols.get(k).components();
                for (int c = 0; c < written[k]; c++) {
                    sb.append(' ').append(c < nc ? Tokens.format(values[k][nc * i + c]) : "0.0");
                }
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private static String quoteIfNeeded(String v) {
        boolean plain = !v.isEmpty();
        for (int k = 0; k < v.length() && plain; k++) {
            char c = v.charAt(k);
            plain = !Character.isWhitespace(c) && c != '"' && c != '\\' && c != '=' && !(k == 0 && (c == '{' || c == '['));
        }
        if (plain) return v;
        return '"' + v.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
