package org.mdsens.examples;

import java.nio.file.Path;

import org.mdsens.viz.notebook.Minimum;
import org.mdsens.viz.notebook.Sensitivity;

/**
 * The paper figure without Jupyter: minimizes the {@link PaperFigure} packing, computes dx*&#47;dD_B and
 * writes {@code paper_figure.png/svg}, {@code sensitivity_diameter_B.csv} and {@code minimum.xyz}.
 *
 * <pre>
 * java -cp examples/target/mdsens-all-0.1.0-SNAPSHOT.jar org.mdsens.examples.PaperSensitivityExample [out-dir] [seed]
 * </pre>
 */
public final class PaperSensitivityExample {

    private PaperSensitivityExample() { }

    public static void main(String[] args) {
        Path out = Path.of(args.length > 0 ? args[0] : "paper-figure");
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 7;
        Minimum minimum = PaperFigure.packing(seed).setup().newtonPolish(true).minimize();
        System.out.println(minimum);
        Sensitivity s = minimum.sensitivity(PaperFigure.PARAMETER);
        System.out.println(s);
        PaperFigure.of(s).save(out.resolve("paper_figure.png"));
        PaperFigure.of(s).save(out.resolve("paper_figure.svg"));
        s.save(out.resolve("sensitivity_diameter_B.csv"));
        minimum.saveXyz(out.resolve("minimum.xyz"));
        System.out.println("wrote " + out.toAbsolutePath());
    }
}
