package org.mdsens.viz.notebook;

import java.util.Base64;

/** HTML and MIME helpers shared by the displayable types (package-private). */
final class Html {

    private Html() { }

    /** Escapes {@code & < > "} for HTML text and attribute values. */
    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** An {@code <img>} with the PNG inlined as a data URI. */
    static String img(byte[] png, int width, int height, String alt) {
        return "<img src=\"data:image/png;base64," + Base64.getEncoder().encodeToString(png) + "\" width=\"" + width
                + "\" height=\"" + height + "\" alt=\"" + escape(alt) + "\"/>";
    }

    /** Returns {@code mimeType} if the object supports it, else throws the documented exception. */
    static String checkType(Displayable d, String mimeType) {
        if (mimeType == null || !d.supportedDisplayTypes().contains(mimeType)) {
            throw new IllegalArgumentException("MIME type must be one of " + d.supportedDisplayTypes() + ", got '"
                    + mimeType + "'");
        }
        return mimeType;
    }
}
