package org.mdsens.viz.export;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

import org.jfree.chart.JFreeChart;
import org.w3c.dom.Node;

/**
 * Renders a {@link Drawable} (or a chart) into an opaque RGB image on white and writes it as PNG with
 * the resolution stored in the PNG {@code pHYs} chunk (pixels per metre = dpi / 0.0254), so a word
 * processor or LaTeX places a 1004-px figure written at 300 dpi at its 85 mm width.
 *
 * <p>Drawing happens at the requested pixel size, unscaled: sizes inside the drawing (fonts, strokes)
 * are in pixels, chosen from the DPI by the caller (see {@code FigurePreset}). Headless-safe;
 * stateless and thread-safe (each call has its own image).
 */
public final class PngExporter {

    private static final String PNG_FORMAT = "javax_imageio_png_1.0";

    private PngExporter() { }

    /** Draws into a new white {@code width × height} RGB image with quality rendering hints. */
    public static BufferedImage render(Drawable drawable, int width, int height) {
        checkSize(width, height);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.setRenderingHint(RenderingHints.KEY_COLOR_RENDERING, RenderingHints.VALUE_COLOR_RENDER_QUALITY);
            g.setPaint(Color.WHITE);
            g.fillRect(0, 0, width, height);
            drawable.draw(g, width, height);
        } finally {
            g.dispose();
        }
        return image;
    }

    /** Renders and writes {@code drawable} to {@code file} (temporary name, then moved into place). */
    public static void write(Drawable drawable, Path file, int width, int height, double dpi) throws IOException {
        checkDpi(dpi);
        BufferedImage image = render(drawable, width, height);
        write(image, file, dpi);
    }

    /** Writes {@code chart} at {@code width × height} pixels. */
    public static void write(JFreeChart chart, Path file, int width, int height, double dpi) throws IOException {
        write(Drawable.of(chart), file, width, height, dpi);
    }

    /** Writes an image with the given resolution (temporary name, then moved into place). */
    public static void write(BufferedImage image, Path file, double dpi) throws IOException {
        checkDpi(dpi);
        byte[] bytes = encode(image, dpi);
        AtomicFiles.write(file, out -> out.write(bytes));
    }

    /** PNG bytes of {@code image} with a pHYs chunk for {@code dpi}. */
    public static byte[] encode(BufferedImage image, double dpi) throws IOException {
        checkDpi(dpi);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        writePng(image, dpi, bytes);
        return bytes.toByteArray();
    }

    private static void writePng(BufferedImage image, double dpi, OutputStream out) throws IOException {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("png");
        if (!writers.hasNext()) throw new IOException("no PNG writer available in this JDK");
        ImageWriter writer = writers.next();
        try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            IIOMetadata meta = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image), param);
            String ppm = Long.toString(Math.round(dpi / 0.0254));
            IIOMetadataNode phys = new IIOMetadataNode("pHYs");
            phys.setAttribute("pixelsPerUnitXAxis", ppm);
            phys.setAttribute("pixelsPerUnitYAxis", ppm);
            phys.setAttribute("unitSpecifier", "meter");
            IIOMetadataNode text = new IIOMetadataNode("tEXt");
            IIOMetadataNode entry = new IIOMetadataNode("tEXtEntry");
            entry.setAttribute("keyword", "Software");
            entry.setAttribute("value", "mdsens");
            text.appendChild(entry);
            IIOMetadataNode root = new IIOMetadataNode(PNG_FORMAT);
            root.appendChild(phys);
            root.appendChild(text);
            meta.mergeTree(PNG_FORMAT, root);
            writer.setOutput(ios);
            writer.write(null, new IIOImage(image, null, meta), param);
        } finally {
            writer.dispose();
        }
    }

    /**
     * The resolution stored in a PNG's pHYs chunk, in dots per inch (x axis), or NaN if the file has no
     * pHYs chunk in metres. The chunk holds whole pixels per metre, so 96 dpi reads back as 96.012.
     */
    public static double readDpi(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file); ImageInputStream iis = ImageIO.createImageInputStream(in)) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(iis);
            if (!readers.hasNext()) throw new IOException("not an image: " + file);
            ImageReader reader = readers.next();
            try {
                reader.setInput(iis);
                IIOMetadata meta = reader.getImageMetadata(0);
                if (!java.util.Arrays.asList(meta.getMetadataFormatNames()).contains(PNG_FORMAT)) return Double.NaN;
                Node root = meta.getAsTree(PNG_FORMAT);
                for (Node c = root.getFirstChild(); c != null; c = c.getNextSibling()) {
                    if ("pHYs".equals(c.getNodeName())) {
                        var attrs = c.getAttributes();
                        if (!"meter".equals(attrs.getNamedItem("unitSpecifier").getNodeValue())) return Double.NaN;
                        return Double.parseDouble(attrs.getNamedItem("pixelsPerUnitXAxis").getNodeValue()) * 0.0254;
                    }
                }
                return Double.NaN;
            } finally {
                reader.dispose();
            }
        }
    }

    static void checkSize(int width, int height) {
        if (width <= 0 || height <= 0 || (long) width * height > 200_000_000L) {
            throw new IllegalArgumentException("image size must be positive and at most 2e8 pixels, got "
                    + width + "x" + height);
        }
    }

    static void checkDpi(double dpi) {
        if (!(dpi > 0) || !Double.isFinite(dpi)) {
            throw new IllegalArgumentException("dpi must be positive and finite, got " + dpi);
        }
    }
}
