package org.mdsens.app.sweep;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code mdsens merge}: combines the committed points of shard directories of one sweep into one
 * table ({@code results.csv}, {@code results.jsonl}, {@code summary.json}, plots), rows sorted by
 * (point, replica).
 *
 * <p>Checks: every input is a sweep directory ({@code manifest.json}); all have the same sweep hash
 * and kernel (shards of different sweeps or kernels are never mixed); no row (point, replica) is
 * present in two inputs; the output directory is none of the inputs. A failed check is a
 * {@link SweepInputException} (exit 2) and nothing is written. Rows missing from every input are
 * listed (with the shards that should have run them) and the merge is written without them
 * ({@link Outcome#complete()} false: exit 1). Stateless.
 */
public final class SweepMerge {

    /** At most this many rows are named in a message. */
    static final int NAMED = 20;

    private SweepMerge() { }

    /**
     * What a merge found and wrote.
     *
     * @param manifest the (common) manifest of the inputs, shard of the first
     * @param expected rows of the whole sweep, P·R
     * @param summary  counts over the merged rows
     * @param missing  rows absent from every input, {@code (point, replica)}, ascending
     * @param missingMessage one line about the missing rows, or null
     * @param plots    the plot files written
     */
    public record Outcome(SweepManifest manifest, int expected, SweepSummary summary, List<String> missing,
                          String missingMessage, List<String> plots) {
        /** True when every row is present. */
        public boolean complete() { return missing.isEmpty(); }
    }

    /**
     * Merges {@code inputs} into {@code out} (created if needed).
     *
     * @param version the mdsens version for the summary
     */
    public static Outcome merge(List<Path> inputs, Path out, String version) throws IOException {
        if (inputs.isEmpty()) throw new SweepInputException("merge needs at least one sweep directory");
        List<Path> normalized = new ArrayList<>();
        for (Path in : inputs) {
            if (!Files.isDirectory(in)) throw new SweepInputException(in + ": no such sweep directory");
            Path real = in.toRealPath();
            if (normalized.contains(real)) throw new SweepInputException(in + " is given twice; give each shard directory once");
            normalized.add(real);
        }
        if (Files.isDirectory(out) && normalized.contains(out.toRealPath())) {
            throw new SweepInputException("--out " + out + " is one of the inputs; merge into a new directory");
        }
        List<SweepManifest> manifests = new ArrayList<>();
        for (Path in : inputs) {
            SweepManifest m = SweepManifest.read(in);
            if (m == null) {
                throw new SweepInputException(in + " is not a sweep output directory (no " + SweepManifest.FILE
                        + "): give the --out directories of 'mdsens sweep'");
            }
            manifests.add(m);
        }
        SweepManifest first = manifests.get(0);
        for (int i = 1; i < inputs.size(); i++) {
            SweepManifest m = manifests.get(i);
            if (!m.sweepHash().equals(first.sweepHash())) {
                throw new SweepInputException(inputs.get(i) + " holds another sweep than " + inputs.get(0) + " (sweep hash "
                        + m.sweepHash().substring(0, 12) + " from " + m.sweepFile() + ", not " + first.sweepHash().substring(0, 12)
                        + " from " + first.sweepFile() + "): shards of different sweeps are not mixed");
            }
            if (!m.kernel().equals(first.kernel())) {
                throw new SweepInputException(inputs.get(i) + " was computed with the " + m.kernel() + " kernel and "
                        + inputs.get(0) + " with " + first.kernel() + ": results of different kernels are not mixed; rerun "
                        + "the shards with one --kernel");
            }
        }
        SweepPlan plan = first.plan();
        Map<PointKey, ObjectNode> rows = new TreeMap<>();
        Map<PointKey, Path> from = new LinkedHashMap<>();
        List<String> duplicates = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            for (Map.Entry<PointKey, ObjectNode> e : new PointStore(inputs.get(i)).readAll().entrySet()) {
                PointKey k = e.getKey();
                if (k.point() >= plan.pointCount() || k.replica() >= plan.replicas()) {
                    throw new SweepInputException(inputs.get(i) + ": row " + k + " is outside the sweep (" + plan.pointCount()
                            + " points x " + plan.replicas() + " replicas); the directory is damaged");
                }
                Path earlier = from.putIfAbsent(k, inputs.get(i));
                if (earlier != null) {
                    duplicates.add(k + " in " + earlier + " and " + inputs.get(i));
                    continue;
                }
                rows.put(k, (ObjectNode) e.getValue().get("row"));
            }
        }
        if (!duplicates.isEmpty()) {
            throw new SweepInputException(duplicates.size() + " rows (point, replica) are present twice: "
                    + String.join("; ", duplicates.subList(0, Math.min(NAMED, duplicates.size())))
                    + (duplicates.size() > NAMED ? "; ..." : "") + ": give each shard's directory once, and shards of one "
                    + "--shard I/N split only");
        }
        List<String> missing = new ArrayList<>();
        TreeSet<Integer> missingChains = new TreeSet<>();
        for (int p = 0; p < plan.pointCount(); p++) {
            for (int r = 0; r < plan.replicas(); r++) {
                PointKey k = new PointKey(p, r);
                if (!rows.containsKey(k)) {
                    missing.add(k.toString());
                    missingChains.add(plan.chainOf(p, r));
                }
            }
        }
        String missingMessage = missing.isEmpty() ? null : missingMessage(inputs, manifests, plan, missing, missingChains);

        Files.createDirectories(out);
        SweepTables.write(out, first.layout(), rows.values());
        SweepSummary summary = SweepSummary.of(rows.values());
        List<String> plots = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        if (first.plots() && !rows.isEmpty()) {
            SweepPlots.Written w = SweepPlots.write(out, plan, first.layout(), rows.values(),
                    Runtime.getRuntime().availableProcessors());
            plots.addAll(w.files());
            notes.addAll(w.notes());
        }
        ObjectNode extra = JsonNodeFactory.instance.objectNode();
        ArrayNode sources = extra.putArray("sources");
        for (int i = 0; i < inputs.size(); i++) {
            ObjectNode s = sources.addObject();
            s.put("directory", inputs.get(i).toString());
            s.put("shard", manifests.get(i).shard().toString());
        }
        if (missingMessage != null) extra.put("message", missingMessage);
        ArrayNode files = extra.putArray("files");
        files.add(SweepTables.CSV);
        files.add(SweepTables.JSONL);
        plots.forEach(files::add);
        files.add(SweepSummary.FILE);
        if (!notes.isEmpty()) notes.forEach(extra.putArray("notes")::add);
        summary.write(out, "merge", first, version, plan.rowCount(), missing, extra);
        return new Outcome(first, plan.rowCount(), summary, missing, missingMessage, plots);
    }

    private static String missingMessage(List<Path> inputs, List<SweepManifest> manifests, SweepPlan plan,
                                         List<String> missing, TreeSet<Integer> chains) {
        StringBuilder sb = new StringBuilder();
        sb.append(missing.size()).append(" of ").append(plan.rowCount()).append(" rows (point, replica) are missing: ")
                .append(String.join(", ", missing.subList(0, Math.min(NAMED, missing.size()))))
                .append(missing.size() > NAMED ? ", ..." : "");
        int n = manifests.get(0).shard().count();
        boolean oneSplit = true;
        for (SweepManifest m : manifests) oneSplit &= m.shard().count() == n;
        if (oneSplit && n > 1) {
            TreeSet<Integer> shards = new TreeSet<>();
            for (int c : chains) shards.add(Math.floorMod(c, n));
            List<String> names = new ArrayList<>();
            for (int s : shards) {
                boolean given = false;
                for (SweepManifest m : manifests) given |= m.shard().index() == s;
                names.add(s + "/" + n + (given ? " (given, unfinished: rerun it to resume)" : " (not given)"));
            }
            sb.append("; they belong to shard ").append(String.join(", ", names));
        } else {
            sb.append("; rerun the sweep in its directory to finish it");
        }
        return sb.toString();
    }
}
