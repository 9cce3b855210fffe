package org.mdsens.app.sweep;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.mdsens.viz.export.AtomicFiles;

/**
 * Counts over a sweep's rows and the {@code summary.json} of {@code mdsens sweep} and
 * {@code mdsens merge}: the sweep's identity and fixed box, how many rows are present, converged
 * and usable, which are not (point, replica, status), the warm-start statistics (total minimizer
 * iterations, warm starts, cold retries, poor predictions) and, for merges, the missing rows.
 * Immutable.
 *
 * @param rows            rows present
 * @param notConverged    rows whose minimization did not converge: {@code (point, replica) STATUS}
 * @param sensitivityFailed rows whose sensitivities are unusable: {@code (point, replica) status}
 * @param iterations      total minimizer iterations over the rows
 * @param warmStarts      rows started warm (including cold retries)
 * @param coldRetries     warm starts that did not converge and were rerun cold
 * @param poorPredictions rows whose predicted energy change disagreed badly: {@code (point, replica)}
 */
public record SweepSummary(int rows, List<String> notConverged, List<String> sensitivityFailed, long iterations,
                           int warmStarts, int coldRetries, List<String> poorPredictions) {

    /** The file name. */
    public static final String FILE = "summary.json";
    /** At most this many entries of each list are written out (the counts are complete). */
    public static final int LIST_LIMIT = 200;

    private static final ObjectMapper JSON = new ObjectMapper();

    public SweepSummary {
        notConverged = List.copyOf(notConverged);
        sensitivityFailed = List.copyOf(sensitivityFailed);
        poorPredictions = List.copyOf(poorPredictions);
    }

    /** Counts over rows. */
    public static SweepSummary of(Collection<? extends JsonNode> rows) {
        List<String> nc = new ArrayList<>();
        List<String> sf = new ArrayList<>();
        List<String> poor = new ArrayList<>();
        long iterations = 0;
        int warm = 0;
        int retries = 0;
        for (JsonNode r : rows) {
            String key = "(" + r.path("point").asInt() + ", " + r.path("replica").asInt() + ")";
            String status = r.path("status").asText();
            if (!"CONVERGED".equals(status)) nc.add(key + " " + status);
            String ss = r.path("sensitivity_status").asText();
            if (!ss.equals("ok") && !ss.equals("not-converged-minimum")) sf.add(key + " " + ss);
            iterations += r.path("iterations").asLong();
            String start = r.path("start").asText();
            if (!start.equals("cold")) warm++;
            if (start.equals("cold-retry")) retries++;
            if ("poor".equals(r.path("prediction").asText())) poor.add(key);
        }
        return new SweepSummary(rows.size(), nc, sf, iterations, warm, retries, poor);
    }

    /** True when every row converged and has usable sensitivities. */
    public boolean allGood() {
        return notConverged.isEmpty() && sensitivityFailed.isEmpty();
    }

    /**
     * Writes {@code summary.json}.
     *
     * @param dir      the output directory
     * @param command  {@code sweep} or {@code merge}
     * @param manifest the sweep's manifest (for merges: of the first input; shard not written)
     * @param version  the mdsens version
     * @param expected rows expected (of the shard, or of the whole sweep for merges)
     * @param missing  missing rows {@code (point, replica)} (merges), else empty
     * @param extra    more fields (seconds, threads, sources, files...), merged in at the end
     */
    public void write(Path dir, String command, SweepManifest manifest, String version, int expected, List<String> missing,
                      ObjectNode extra) throws IOException {
        ObjectNode o = JSON.createObjectNode();
        o.put("mdsens_version", version);
        o.put("command", command);
        o.put("sweep_file", manifest.sweepFile());
        o.put("sweep_hash", manifest.sweepHash());
        o.put("kernel", manifest.kernel());
        if (command.equals("sweep")) o.put("shard", manifest.shard().toString());
        ObjectNode box = o.putObject("box");
        ArrayNode lengths = box.putArray("lengths");
        for (double l : manifest.box()) lengths.add(l);
        box.put("policy", SweepManifest.BOX_POLICY);
        o.put("points", manifest.points());
        o.put("replicas", manifest.replicas());
        o.put("rows_expected", expected);
        o.put("rows", rows);
        o.put("converged", rows - notConverged.size());
        o.put("all_converged", allGood() && missing.isEmpty() && rows == expected);
        list(o, "not_converged", notConverged);
        list(o, "sensitivity_failed", sensitivityFailed);
        list(o, "missing", missing);
        ObjectNode w = o.putObject("warm_start");
        w.put("enabled", manifest.warmStart());
        w.put("total_iterations", iterations);
        w.put("warm_starts", warmStarts);
        w.put("cold_retries", coldRetries);
        w.put("poor_predictions", poorPredictions.size());
        list(w, "poor_prediction_rows", poorPredictions);
        if (extra != null) o.setAll(extra);
        AtomicFiles.writeString(dir.resolve(FILE), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(o) + "\n");
    }

    private static void list(ObjectNode o, String name, List<String> items) {
        o.put(name + "_count", items.size());
        ArrayNode a = o.putArray(name);
        for (int i = 0; i < Math.min(items.size(), LIST_LIMIT); i++) a.add(items.get(i));
    }
}
