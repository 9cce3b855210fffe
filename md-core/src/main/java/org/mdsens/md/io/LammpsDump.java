package org.mdsens.md.io;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.mdsens.md.space.Box;
import org.mdsens.md.system.ParticleSystem;

/**
 * Reads LAMMPS text dumps ({@code dump atom} / {@code dump custom}) with an orthogonal box.
 *
 * <p>A frame is {@code ITEM: TIMESTEP}, {@code ITEM: NUMBER OF ATOMS}, {@code ITEM: BOX BOUNDS pp pp pp}
 * (one {@code lo hi} line per axis; flags {@code p} periodic, {@code f}/{@code s}/{@code m} open; a
 * triclinic {@code xy xz yz} or {@code abc origin} box is an error), then {@code ITEM: ATOMS} with the
 * column names. Optional {@code ITEM: UNITS} and {@code ITEM: TIME} items are skipped. Positions come
 * from, in order of preference, unwrapped {@code xu yu zu}; wrapped {@code x y z} (plus
 * {@code ix iy iz} image flags when present); scaled unwrapped {@code xsu ysu zsu}; scaled
 * {@code xs ys zs} (plus image flags). They are shifted so the box starts at 0 when it is periodic
 * (open boxes keep the file's coordinates; scaled ones are relative to lo). Particles are sorted by
 * {@code id} (file order when there is no id column); species index = {@code type} − 1 (all type 1
 * when there is no type column). An {@code element} column is ignored; all other columns must be
 * numeric and are kept by name. In 2D only x and y are used.
 *
 * <p>Malformed input raises {@link InputFormatException} with the file, line, problem and what was
 * expected. Stateless and thread-safe.
 *
 * @see <a href="https://docs.lammps.org/dump.html">LAMMPS dump</a>
 */
public final class LammpsDump {

    private LammpsDump() { }

    /** The last frame of a dump (every frame is checked); see {@link #readAll(Reader, String, int, List)}. */
    public static LammpsDumpFrame read(Path path, int dimension, List<String> speciesNames) throws IOException {
        List<LammpsDumpFrame> all = readAll(path, dimension, speciesNames);
        return all.get(all.size() - 1);
    }

    /** The last frame of a dump read from text. */
    public static LammpsDumpFrame read(Reader reader, String sourceName, int dimension, List<String> speciesNames)
            throws IOException {
        List<LammpsDumpFrame> all = readAll(reader, sourceName, dimension, speciesNames);
        return all.get(all.size() - 1);
    }

    /** Every frame of a dump file. */
    public static List<LammpsDumpFrame> readAll(Path path, int dimension, List<String> speciesNames) throws IOException {
        try (Reader r = LineCursor.open(path)) {
            return readAll(r, path.toString(), dimension, speciesNames);
        }
    }

    /**
     * Every frame of a dump read from text.
     *
     * @param sourceName   name used in error messages (null: {@code "<string>"})
     * @param dimension    2 or 3
     * @param speciesNames names for atom types 1, 2, ... (at least one per type used), or null for
     *                     {@code "1", "2", ...} up to the largest type in the frame
     */
    public static List<LammpsDumpFrame> readAll(Reader reader, String sourceName, int dimension,
                                                List<String> speciesNames) throws IOException {
        if (dimension != 2 && dimension != 3) {
            throw new IllegalArgumentException("dimension must be 2 or 3, got " + dimension);
        }
        LineCursor in = new LineCursor(reader, sourceName);
        List<LammpsDumpFrame> frames = new ArrayList<>();
        while (true) {
            LammpsDumpFrame f = readFrame(in, dimension, speciesNames, frames.isEmpty());
            if (f == null) break;
            frames.add(f);
        }
        return frames;
    }

    private static String item(String line) {
        String s = line.strip();
        return s.startsWith("ITEM:") ? s.substring(5).strip() : null;
    }

    private static LammpsDumpFrame readFrame(LineCursor in, int dimension, List<String> speciesNames, boolean first)
            throws IOException {
        String line = in.next();
        while (line != null && line.isBlank()) line = in.next();
        if (line == null) {
            if (first) {
                throw in.errorAt(in.line() + 1, "the dump is empty", "ITEM: TIMESTEP, ITEM: NUMBER OF ATOMS, "
                        + "ITEM: BOX BOUNDS and ITEM: ATOMS");
            }
            return null;
        }
        long timestep = 0;
        int count = -1;
        int countLine = 0;
        double[] lo = null;
        double[] hi = null;
        boolean periodic = true;
        while (true) {
            String item = item(line);
            if (item == null) {
                throw in.error("line " + Tokens.quote(line.strip()) + " is not an ITEM: line",
                        "an 'ITEM:' line (TIMESTEP, NUMBER OF ATOMS, BOX BOUNDS or ATOMS)"
                                + (count >= 0 ? "; the frame declares " + count + " atoms on line " + countLine : ""));
            }
            if (item.equals("TIMESTEP")) {
                timestep = Tokens.integer(dataLine(in, item), in, "timestep");
            } else if (item.equals("NUMBER OF ATOMS")) {
                count = Tokens.integer(dataLine(in, item), in, "number of atoms", 1, Integer.MAX_VALUE);
                countLine = in.line();
            } else if (item.equals("UNITS") || item.equals("TIME")) {
                dataLine(in, item);
            } else if (item.startsWith("BOX BOUNDS")) {
                String[] flags = Tokens.split(item.substring("BOX BOUNDS".length()));
                for (String f : flags) {
                    if (f.equals("xy") || f.equals("xz") || f.equals("yz") || f.equals("abc") || f.equals("origin")) {
                        throw in.error("the box is triclinic (ITEM: " + item + ")",
                                "an orthogonal box: ITEM: BOX BOUNDS pp pp pp");
                    }
                }
                if (flags.length != 0 && flags.length != 3) {
                    throw in.error("ITEM: BOX BOUNDS has " + flags.length + " boundary flags", "three flags such as pp pp pp");
                }
                int periodicAxes = 0;
                for (int a = 0; a < dimension && flags.length == 3; a++) {
                    String f = flags[a];
                    if (!f.matches("[pfsm]{2}")) {
                        throw in.error("boundary flag " + Tokens.quote(f) + " is not two of p, f, s, m",
                                "flags such as pp (periodic) or ff (fixed)");
                    }
                    if (f.equals("pp")) periodicAxes++;
                }
                if (flags.length == 3 && periodicAxes != 0 && periodicAxes != dimension) {
                    throw in.error("the box mixes periodic and open axes (" + String.join(" ", flags) + ")",
                            "all axes periodic (pp) or all open");
                }
                periodic = flags.length == 0 || periodicAxes == dimension;
                lo = new double[3];
                hi = new double[3];
                for (int a = 0; a < 3; a++) {
                    String[] t = Tokens.split(dataLine(in, item));
                    if (t.length != 2) {
                        throw in.error("box bounds line has " + t.length + " numbers", "two numbers 'lo hi' per axis");
                    }
                    lo[a] = Tokens.real(t[0], in, "lower bound");
                    hi[a] = Tokens.real(t[1], in, "upper bound");
                    if (a < dimension && !(hi[a] > lo[a])) {
                        throw in.error("box bounds " + t[0] + " " + t[1] + " are an empty range", "hi greater than lo");
                    }
                }
            } else if (item.startsWith("ATOMS")) {
                int itemLine = in.line();
                if (count < 0) throw in.error("ITEM: ATOMS comes before ITEM: NUMBER OF ATOMS", "ITEM: NUMBER OF ATOMS first");
                if (lo == null) throw in.error("ITEM: ATOMS comes before ITEM: BOX BOUNDS", "ITEM: BOX BOUNDS first");
                return readAtoms(in, itemLine, Tokens.split(item.substring(5)), count, countLine, timestep, lo, hi,
                        periodic, dimension, speciesNames);
            } else {
                throw in.error("unknown item " + Tokens.quote("ITEM: " + item),
                        "ITEM: TIMESTEP, NUMBER OF ATOMS, BOX BOUNDS, ATOMS, UNITS or TIME");
            }
            line = in.next();
            if (line == null) {
                throw in.errorAt(in.line() + 1, "the dump ends before ITEM: ATOMS", "a complete frame ending with ITEM: ATOMS");
            }
        }
    }

    private static String dataLine(LineCursor in, String item) throws IOException {
        String line = in.next();
        if (line == null) {
            throw in.errorAt(in.line() + 1, "the dump ends inside ITEM: " + item, "the data lines of ITEM: " + item);
        }
        if (item(line) != null) {
            throw in.error("ITEM: " + item + " is followed by another ITEM: line", "the data of ITEM: " + item);
        }
        return line;
    }

    private static LammpsDumpFrame readAtoms(LineCursor in, int itemLine, String[] names, int count, int countLine,
                                             long timestep, double[] lo, double[] hi, boolean periodic, int dimension,
                                             List<String> speciesNames) throws IOException {
        Map<String, Integer> col = new HashMap<>();
        for (int c = 0; c < names.length; c++) {
            if (col.putIfAbsent(names[c], c) != null) {
                throw in.error("column " + names[c] + " appears twice in ITEM: ATOMS", "distinct column names");
            }
        }
        String[][] sets = {{"xu", "yu", "zu"}, {"x", "y", "z"}, {"xsu", "ysu", "zsu"}, {"xs", "ys", "zs"}};
        int chosen = -1;
        for (int s = 0; s < sets.length && chosen < 0; s++) {
            boolean all = true;
            for (int a = 0; a < dimension; a++) all &= col.containsKey(sets[s][a]);
            if (all) chosen = s;
        }
        if (chosen < 0) {
            throw in.error("ITEM: ATOMS has no complete set of coordinates", "columns x y" + (dimension == 3 ? " z" : "")
                    + " (or xu.., xs.., xsu..)");
        }
        boolean scaled = chosen >= 2;
        boolean useImages = (chosen == 1 || chosen == 3) && col.containsKey("ix");
        int[] xCol = new int[dimension];
        int[] imgCol = new int[dimension];
        for (int a = 0; a < dimension; a++) {
            xCol[a] = col.get(sets[chosen][a]);
            imgCol[a] = useImages ? col.getOrDefault("i" + "xyz".charAt(a), -1) : -1;
            if (useImages && imgCol[a] < 0) {
                throw in.error("ITEM: ATOMS has ix but no i" + "xyz".charAt(a), "all of ix iy" + (dimension == 3 ? " iz" : ""));
            }
        }
        int idCol = col.getOrDefault("id", -1);
        int typeCol = col.getOrDefault("type", -1);
        int elementCol = col.getOrDefault("element", -1);
        List<Integer> extra = new ArrayList<>();
        for (int c = 0; c < names.length; c++) {
            if (c == idCol || c == typeCol || c == elementCol) continue;
            boolean used = names[c].equals("ix") || names[c].equals("iy") || names[c].equals("iz");
            for (int a = 0; a < 3; a++) used |= names[c].equals(sets[chosen][a]);
            if (!used) extra.add(c);
        }

        long[] ids = new long[count];
        int[] types = new int[count];
        double[] pos = new double[dimension * count];
        double[][] extraValues = new double[extra.size()][count];
        int[] lines = new int[count];
        int maxType = 1;
        for (int i = 0; i < count; i++) {
            String line = in.next();
            if (line == null) {
                throw in.errorAt(in.line() + 1, "the dump ends after " + i + " of " + count + " atom lines",
                        count + " atom lines after ITEM: ATOMS on line " + itemLine + " (as declared on line "
                                + countLine + ")");
            }
            String[] tok = Tokens.split(line);
            if (tok.length != names.length) {
                if (item(line) != null) {
                    throw in.error("the frame ends after " + i + " of " + count + " atom lines",
                            count + " atom lines, as declared on line " + countLine);
                }
                throw in.error("atom line has " + tok.length + " columns", names.length + " columns ("
                        + String.join(" ", names) + ")");
            }
            ids[i] = idCol < 0 ? i + 1 : Tokens.integer(tok[idCol], in, "atom id");
            types[i] = typeCol < 0 ? 1 : Tokens.integer(tok[typeCol], in, "atom type", 1,
                    speciesNames == null ? Integer.MAX_VALUE : speciesNames.size());
            maxType = Math.max(maxType, types[i]);
            for (int a = 0; a < dimension; a++) {
                double v = Tokens.real(tok[xCol[a]], in, sets[chosen][a]);
                double length = hi[a] - lo[a];
                double x;
                if (scaled) {
                    x = v * length;
                    if (!periodic) x = x + lo[a];
                } else {
                    x = periodic ? v - lo[a] : v;
                }
                if (imgCol[a] >= 0) {
                    long img = Tokens.integer(tok[imgCol[a]], in, "image flag " + names[imgCol[a]]);
                    if (img != 0) x = x + img * length;
                }
                pos[dimension * i + a] = x;
            }
            for (int e = 0; e < extra.size(); e++) {
                extraValues[e][i] = Tokens.real(tok[extra.get(e)], in, "column " + names[extra.get(e)]);
            }
            lines[i] = in.line();
        }

        Integer[] order = new Integer[count];
        for (int i = 0; i < count; i++) order[i] = i;
        Arrays.sort(order, (p, q) -> Long.compare(ids[p], ids[q]));
        long[] sortedIds = new long[count];
        int[] species = new int[count];
        double[] sortedPos = new double[dimension * count];
        for (int i = 0; i < count; i++) {
            int f = order[i];
            if (i > 0 && ids[f] == sortedIds[i - 1]) {
                throw in.errorAt(Math.max(lines[f], lines[order[i - 1]]), "atom id " + ids[f] + " appears twice in the frame",
                        "distinct atom ids");
            }
            sortedIds[i] = ids[f];
            species[i] = types[f] - 1;
            System.arraycopy(pos, dimension * f, sortedPos, dimension * i, dimension);
        }
        Map<String, double[]> columns = new LinkedHashMap<>();
        for (int e = 0; e < extra.size(); e++) {
            double[] v = new double[count];
            for (int i = 0; i < count; i++) v[i] = extraValues[e][order[i]];
            columns.put(names[extra.get(e)], v);
        }
        List<String> speciesList = speciesNames;
        if (speciesList == null) {
            List<String> def = new ArrayList<>();
            for (int t = 1; t <= maxType; t++) def.add(Integer.toString(t));
            speciesList = def;
        }
        double[] lengths = new double[dimension];
        for (int a = 0; a < dimension; a++) lengths[a] = hi[a] - lo[a];
        Box box = periodic ? new Box.Periodic(lengths) : new Box.Open(dimension);
        ParticleSystem system;
        try {
            system = new ParticleSystem(box, sortedPos, species, speciesList);
        } catch (IllegalArgumentException e) {
            throw in.errorAt(itemLine, "the frame does not make a valid system: " + e.getMessage(),
                    "a frame that satisfies the constraint above");
        }
        return new LammpsDumpFrame(timestep, system, sortedIds, columns);
    }
}
