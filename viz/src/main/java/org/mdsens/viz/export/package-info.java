/**
 * Files from drawings: {@link org.mdsens.viz.export.Drawable} is the one drawing contract (screen, PNG,
 * SVG); {@link org.mdsens.viz.export.PngExporter} writes PNG with the resolution in the pHYs chunk,
 * {@link org.mdsens.viz.export.SvgExporter} writes SVG through Apache Batik's SVGGraphics2D (with
 * element groups from the JFreeChart {@code ChartHints}, so particles and chart parts are
 * addressable), and {@link org.mdsens.viz.export.Figures} writes the standard run figures
 * ({@code convergence.png/svg}, {@code sensitivity_<name>.png/svg}). Every file is written to a
 * temporary name in its directory and moved into place, so a crash never leaves half a file.
 */
package org.mdsens.viz.export;
