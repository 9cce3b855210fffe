package org.mdsens.viz;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.mdsens.md.space.Box;
import org.mdsens.md.system.ParticleSystem;
import org.mdsens.viz.scene.ParticleScene;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Shared fixtures and image/SVG measurements for the viz tests. */
public final class TestFigures {

    private TestFigures() { }

    /**
     * A bidisperse 2D periodic packing-like scene: an 8×8 triangular lattice (spacing 1.3) with jitter,
     * species A (d = 1.0) and B (d = 1.4) at random, a smooth vortex field plus noise, rattlers 5, 23, 40
     * (field 0 there).
     */
    public static ParticleScene bidisperse2d(long seed) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        int nx = 8, ny = 8, n = nx * ny;
        double a = 1.3, h = a * Math.sqrt(3) / 2;
        double lx = nx * a, ly = ny * h;
        double[] x = new double[2 * n];
        int[] s = new int[n];
        for (int j = 0; j < ny; j++) {
            for (int i = 0; i < nx; i++) {
                int k = j * nx + i;
                x[2 * k] = (i + 0.5 * (j % 2)) * a + 0.08 * (rng.nextDouble() - 0.5);
                x[2 * k + 1] = j * h + 0.08 * (rng.nextDouble() - 0.5);
                s[k] = rng.nextBoolean() ? 1 : 0;
            }
        }
        ParticleSystem sys = new ParticleSystem(new Box.Periodic(new double[] {lx, ly}), x, s, List.of("A", "B"));
        double[] f = new double[2 * n];
        int[] rattlers = {5, 23, 40};
        for (int k = 0; k < n; k++) {
            f[2 * k] = 0.02 * Math.sin(2 * Math.PI * x[2 * k + 1] / ly) + 0.004 * (rng.nextDouble() - 0.5);
            f[2 * k + 1] = -0.02 * Math.sin(2 * Math.PI * x[2 * k] / lx) + 0.004 * (rng.nextDouble() - 0.5);
        }
        for (int r : rattlers) f[2 * r] = f[2 * r + 1] = 0;
        return ParticleScene.of(sys, new double[] {1.0, 1.4}).withField(f, "dx/d diameter[B]").withRattlers(rattlers);
    }

    /**
     * An fcc-like 3D periodic scene: 3×3×3 conventional cells (108 particles, cell 1.6) with jitter, two
     * species (d = 1.0, 1.15), a breathing field (x − centre)·0.05 plus noise.
     */
    public static ParticleScene fcc3d(long seed) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        int c = 3;
        double a = 1.6;
        double[][] basis = {{0, 0, 0}, {0.5, 0.5, 0}, {0.5, 0, 0.5}, {0, 0.5, 0.5}};
        int n = 4 * c * c * c;
        double[] x = new double[3 * n];
        int[] s = new int[n];
        int k = 0;
        for (int i = 0; i < c; i++) {
            for (int j = 0; j < c; j++) {
                for (int l = 0; l < c; l++) {
                    for (double[] b : basis) {
                        x[3 * k] = (i + b[0] + 0.25) * a + 0.05 * (rng.nextDouble() - 0.5);
                        x[3 * k + 1] = (j + b[1] + 0.25) * a + 0.05 * (rng.nextDouble() - 0.5);
                        x[3 * k + 2] = (l + b[2] + 0.25) * a + 0.05 * (rng.nextDouble() - 0.5);
                        s[k] = rng.nextDouble() < 0.3 ? 1 : 0;
                        k++;
                    }
                }
            }
        }
        double l = c * a;
        ParticleSystem sys = new ParticleSystem(Box.Periodic.cube(3, l), x, s, List.of("A", "B"));
        double[] f = new double[3 * n];
        for (int i = 0; i < 3 * n; i++) f[i] = 0.05 * (x[i] - 0.5 * l) + 0.01 * (rng.nextDouble() - 0.5);
        return ParticleScene.of(sys, new double[] {1.0, 1.15}).withField(f, "dx/d diameter[B]");
    }

    /** Number of distinct RGB colours in an image. */
    public static int distinctColours(BufferedImage img) {
        Set<Integer> set = new HashSet<>();
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) set.add(img.getRGB(x, y) & 0xFFFFFF);
        }
        return set.size();
    }

    /** Fraction of pixels that are not (near) white. */
    public static double inkFraction(BufferedImage img) {
        long ink = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y);
                int r = (rgb >> 16) & 0xFF, g = (rgb >> 8) & 0xFF, b = rgb & 0xFF;
                if (r < 245 || g < 245 || b < 245) ink++;
            }
        }
        return ink / (double) (img.getWidth() * img.getHeight());
    }

    /** Number of pixels within {@code tol} (per channel) of {@code rgb}. */
    public static int pixelsNear(BufferedImage img, int rgb, int tol) {
        int count = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                if (near(img.getRGB(x, y), rgb, tol)) count++;
            }
        }
        return count;
    }

    /** Whether two RGB values are within {@code tol} per channel. */
    public static boolean near(int a, int b, int tol) {
        for (int shift = 0; shift <= 16; shift += 8) {
            if (Math.abs(((a >> shift) & 0xFF) - ((b >> shift) & 0xFF)) > tol) return false;
        }
        return true;
    }

    public static BufferedImage readPng(Path file) throws IOException {
        return ImageIO.read(file.toFile());
    }

    /** Parses SVG text with a default namespace-aware DocumentBuilder (the files carry no DOCTYPE). */
    public static Document parseSvg(String svg) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        if (svg.contains("<!DOCTYPE")) throw new AssertionError("SVG must not carry a DOCTYPE");
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    public static Document parseSvg(Path file) throws Exception {
        return parseSvg(Files.readString(file));
    }

    /** Number of {@code <g>} elements whose class list contains {@code cls}. */
    public static int groupsWithClass(Document doc, String cls) {
        NodeList gs = doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "g");
        int count = 0;
        for (int i = 0; i < gs.getLength(); i++) {
            String c = ((Element) gs.item(i)).getAttribute("class");
            for (String part : c.split("\\s+")) {
                if (part.equals(cls)) {
                    count++;
                    break;
                }
            }
        }
        return count;
    }

    /** All text content of {@code <text>} elements, joined by newlines. */
    public static String texts(Document doc) {
        NodeList ts = doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "text");
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < ts.getLength(); i++) sb.append(ts.item(i).getTextContent()).append('\n');
        return sb.toString();
    }

    /**
     * Where to copy figures for a person to look at: the directory in system property
     * {@code mdsens.viz.checkDir}, or null.
     */
    public static Path checkDir() throws IOException {
        String d = System.getProperty("mdsens.viz.checkDir");
        if (d == null || d.isBlank()) return null;
        Path p = Path.of(d);
        Files.createDirectories(p);
        return p;
    }
}
