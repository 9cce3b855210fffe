package org.mdsens.app.sweep;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.mdsens.viz.export.AtomicFiles;
import org.mdsens.md.space.Box;

/**
 * {@code manifest.json} of a sweep directory: which sweep, kernel and shard its points belong to.
 * Written once, before the first point; a later run in the same directory must match it
 * ({@link #mismatch}), and {@code mdsens merge} combines only directories with the same sweep hash
 * and kernel. {@link #id()} is the SHA-256 of sweep hash, kernel and shard. Immutable.
 *
 * @param sweepFile      the sweep file as named on the command line (informative)
 * @param sweepHash      SHA-256 of the normalized sweep ({@link SweepSetup})
 * @param kernel         the kernel family's name
 * @param shard          the shard
 * @param points         grid points P
 * @param replicas       replicas R
 * @param baseSeed       seed of replica 0 (null for a file system)
 * @param vary           varied parameter → values, sorted names
 * @param layout         the result columns
 * @param box            the fixed box: periodic lengths, or empty for an open box
 * @param warmStart      warm starts along chains
 * @param plots          summary plots wanted ({@code [output] plots})
 */
public record SweepManifest(String sweepFile, String sweepHash, String kernel, ShardSpec shard, int points, int replicas,
                            Long baseSeed, Map<String, List<Double>> vary, SweepLayout layout, List<Double> box,
                            boolean warmStart, boolean plots) {

    /** The file name. */
    public static final String FILE = "manifest.json";
    /** The format tag. */
    public static final String FORMAT = "mdsens-sweep-manifest/1";
    /** What every output says about the box. */
    public static final String BOX_POLICY = "fixed: every point keeps the box of the base job; the varied parameters "
            + "change the interactions, never the box";

    private static final ObjectMapper JSON = new ObjectMapper();

    public SweepManifest {
        Map<String, List<Double>> copy = new LinkedHashMap<>();
        vary.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        vary = java.util.Collections.unmodifiableMap(copy);
        box = List.copyOf(box);
    }

    /** The manifest of a shard of a validated sweep. */
    public static SweepManifest of(SweepSetup setup, ShardSpec shard) {
        SweepPlan plan = setup.plan();
        Map<String, List<Double>> vary = new LinkedHashMap<>();
        for (int k = 0; k < plan.names().size(); k++) {
            List<Double> v = new ArrayList<>();
            for (double x : plan.values(k)) v.add(x);
            vary.put(plan.names().get(k), v);
        }
        List<Double> box = new ArrayList<>();
        if (setup.box() instanceof Box.Periodic p) for (double l : p.lengths()) box.add(l);
        return new SweepManifest(setup.file().toString(), setup.sweepHash(), setup.kernel(), shard, plan.pointCount(),
                plan.replicas(), plan.generated() ? plan.seed(0) : null, vary, setup.layout(), box,
                setup.spec().sweep().warmStart(), setup.spec().output().plots());
    }

    /** The plan this manifest describes. */
    public SweepPlan plan() {
        return new SweepPlan(vary, replicas, baseSeed);
    }

    /** SHA-256 hex of sweep hash, kernel and shard. */
    public String id() {
        var sha = SweepSetup.sha256();
        sha.update((sweepHash + "\n" + kernel + "\n" + shard).getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(sha.digest());
    }

    /**
     * Why a run of {@code wanted} may not continue in a directory holding {@code this}, or null when it may.
     *
     * @param dir the directory (for the message)
     */
    public String mismatch(SweepManifest wanted, Path dir) {
        if (!sweepHash.equals(wanted.sweepHash)) {
            return dir + " holds results of another sweep (" + sweepFile + ", sweep hash " + sweepHash.substring(0, 12)
                    + "; " + wanted.sweepFile + " now has " + wanted.sweepHash.substring(0, 12) + "): the sweep file or "
                    + "its structure file changed since; use a new --out directory, or restore the file, to keep results "
                    + "of different sweeps apart";
        }
        if (!kernel.equals(wanted.kernel)) {
            return dir + " holds results computed with the " + kernel + " kernel, and this run would use " + wanted.kernel
                    + ": results of different kernels differ in round-off and are not mixed; use --kernel "
                    + kernelChoice(kernel) + ", or a new --out directory";
        }
        if (!shard.equals(wanted.shard)) {
            return dir + " holds shard " + shard + " of this sweep, and this run is shard " + wanted.shard
                    + ": give each shard its own --out directory (merge them with 'mdsens merge')";
        }
        return null;
    }

    private static String kernelChoice(String kernelName) {
        return kernelName.startsWith("vector") ? "vector" : kernelName.startsWith("scalar") ? "scalar" : "auto";
    }

    /** Writes {@code DIR/manifest.json} atomically. */
    public void write(Path dir) throws IOException {
        ObjectNode o = JSON.createObjectNode();
        o.put("format", FORMAT);
        o.put("id", id());
        o.put("sweep_file", sweepFile);
        o.put("sweep_hash", sweepHash);
        o.put("kernel", kernel);
        ObjectNode s = o.putObject("shard");
        s.put("index", shard.index());
        s.put("count", shard.count());
        o.put("points", points);
        o.put("replicas", replicas);
        o.put("chains", plan().chainCount());
        o.put("chain_parameter", plan().chainParameter());
        if (baseSeed == null) o.putNull("seed"); else o.put("seed", baseSeed.longValue());
        ObjectNode v = o.putObject("vary");
        vary.forEach((k, vals) -> {
            ArrayNode a = v.putArray(k);
            for (double x : vals) a.add(x);
        });
        ObjectNode l = o.putObject("layout");
        layout.varied().forEach(l.putArray("varied")::add);
        layout.parameters().forEach(l.putArray("parameters")::add);
        layout.observables().forEach(l.putArray("observables")::add);
        ArrayNode b = o.putArray("box");
        for (double x : box) b.add(x);
        o.put("box_policy", BOX_POLICY);
        o.put("warm_start", warmStart);
        o.put("plots", plots);
        String text = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(o) + "\n";
        AtomicFiles.writeString(dir.resolve(FILE), text);
    }

    /** Reads {@code DIR/manifest.json}; null when absent; {@link IOException} when unreadable or not a manifest. */
    public static SweepManifest read(Path dir) throws IOException {
        Path file = dir.resolve(FILE);
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return null;
        }
        try {
            JsonNode o = JSON.readTree(text);
            if (o == null || !FORMAT.equals(o.path("format").asText())) {
                throw new IOException(file + ": not an mdsens sweep manifest (" + FORMAT + ")");
            }
            Map<String, List<Double>> vary = new LinkedHashMap<>();
            o.get("vary").fields().forEachRemaining(e -> {
                List<Double> vals = new ArrayList<>();
                for (JsonNode x : e.getValue()) vals.add(x.doubleValue());
                vary.put(e.getKey(), vals);
            });
            JsonNode l = o.get("layout");
            SweepLayout layout = new SweepLayout(strings(l.get("varied")), strings(l.get("parameters")),
                    strings(l.get("observables")));
            List<Double> box = new ArrayList<>();
            for (JsonNode x : o.get("box")) box.add(x.doubleValue());
            JsonNode seed = o.get("seed");
            return new SweepManifest(o.get("sweep_file").asText(), o.get("sweep_hash").asText(), o.get("kernel").asText(),
                    new ShardSpec(o.get("shard").get("index").asInt(), o.get("shard").get("count").asInt()),
                    o.get("points").asInt(), o.get("replicas").asInt(), seed == null || seed.isNull() ? null : seed.asLong(),
                    vary, layout, box, o.path("warm_start").asBoolean(true), o.path("plots").asBoolean(true));
        } catch (JacksonException | RuntimeException e) {
            throw new IOException(file + ": damaged sweep manifest: " + e.getMessage(), e);
        }
    }

    private static List<String> strings(JsonNode a) {
        List<String> out = new ArrayList<>();
        for (JsonNode x : a) out.add(x.asText());
        return out;
    }
}
