package org.mdsens.viz.notebook;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;

import javax.imageio.ImageIO;

/** Decoding and blankness checks for PNG output (test helper). */
final class Images {

    private Images() { }

    /** Decodes PNG bytes; fails the test when they are not a PNG. */
    static BufferedImage decode(byte[] png) {
        try {
            BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
            assertNotNull(img, "not a decodable image");
            return img;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Decodes base64 PNG data as carried by a Jupyter display_data message. */
    static BufferedImage decodeBase64(Object data) {
        assertTrue(data instanceof String, "image/png data must be a base64 string, got " + data);
        return decode(Base64.getDecoder().decode((String) data));
    }

    /**
     * Asserts the image is not blank: at least 1% of the pixels differ from the corner (background)
     * colour, and there are at least 3 distinct colours.
     */
    static void assertNotBlank(BufferedImage img) {
        int bg = img.getRGB(0, 0);
        long differ = 0;
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int c = img.getRGB(x, y);
                if (c != bg) differ++;
                if (colours.size() < 16) colours.add(c);
            }
        }
        double fraction = differ / (double) (img.getWidth() * img.getHeight());
        assertTrue(fraction > 0.01, "image looks blank: only " + fraction + " of the pixels differ from the background");
        assertTrue(colours.size() >= 3, "image has only " + colours.size() + " colours");
    }
}
