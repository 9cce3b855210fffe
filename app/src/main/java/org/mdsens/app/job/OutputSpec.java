package org.mdsens.app.job;

import java.nio.file.Path;

/**
 * {@code [output]}.
 *
 * @param directory where results go, relative to the current directory (default {@code out/<job name>});
 *                  {@code --out} overrides it
 * @param plots     write plots (default true)
 */
public record OutputSpec(Path directory, boolean plots) {
    public OutputSpec {
        if (directory == null) throw new IllegalArgumentException("directory must not be null");
    }
}
