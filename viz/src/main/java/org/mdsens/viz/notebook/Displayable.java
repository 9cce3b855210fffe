package org.mdsens.viz.notebook;

import java.util.List;

/**
 * Something a Jupyter front end can show: a figure, a table or a result. Each object offers MIME types
 * and the Jupyter value for each; the kernel adds {@code text/plain} from {@code toString()} itself.
 *
 * <p>{@link #displayTypes()} are what a plain {@code display(x)} (or a cell ending in {@code x}) shows;
 * {@link #supportedDisplayTypes()} adds what may be asked for explicitly, e.g. IJava's
 * {@code display(x, "image/svg+xml")}. {@link #displayData} returns what a Jupyter {@code display_data}
 * message carries: the text for {@code text/*} and {@code image/svg+xml}, base64 for {@code image/png}.
 *
 * <p>This interface needs no kernel: {@link Notebook#enable()} teaches a running IJava or JJava kernel to
 * use it; without a kernel the same content is available from the implementations' {@code toPng()},
 * {@code toSvg()} and {@code toHtml()}. Implementations are immutable or, for results, document their
 * thread-safety.
 */
public interface Displayable {

    /** {@code image/png}: base64 of the PNG bytes. */
    String PNG = "image/png";
    /** {@code image/svg+xml}: the SVG document text. */
    String SVG = "image/svg+xml";
    /** {@code text/html}: an HTML fragment. */
    String HTML = "text/html";
    /** {@code text/markdown}: a Markdown fragment. */
    String MARKDOWN = "text/markdown";

    /** The MIME types a plain display shows, preferred first (never empty). */
    List<String> displayTypes();

    /** Every MIME type {@link #displayData} accepts; contains {@link #displayTypes()}. */
    List<String> supportedDisplayTypes();

    /**
     * The Jupyter value for one MIME type: text, SVG text, or base64 for binary images.
     *
     * @throws IllegalArgumentException for a type not in {@link #supportedDisplayTypes()}
     */
    String displayData(String mimeType);
}
