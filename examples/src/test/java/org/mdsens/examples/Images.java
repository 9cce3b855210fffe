package org.mdsens.examples;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import javax.imageio.ImageIO;

/** PNG decoding and blankness check (test helper). */
final class Images {

    private Images() { }

    static BufferedImage decode(byte[] png) {
        try {
            BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
            assertNotNull(img, "not a decodable image");
            return img;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Over 1% of the pixels differ from the corner colour. */
    static void assertNotBlank(BufferedImage img) {
        int bg = img.getRGB(0, 0);
        long differ = 0;
        for (int y = 0; y < img.getHeight(); y++) for (int x = 0; x < img.getWidth(); x++) if (img.getRGB(x, y) != bg) differ++;
        assertTrue(differ > 0.01 * img.getWidth() * img.getHeight(), "image looks blank");
    }
}
