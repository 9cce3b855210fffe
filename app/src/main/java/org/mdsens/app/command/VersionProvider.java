package org.mdsens.app.command;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

import picocli.CommandLine.IVersionProvider;

/** {@code --version}: the mdsens version, the JVM, and whether the Vector API module is present. */
public final class VersionProvider implements IVersionProvider {

    /** Used when the version cannot be read from the jar (running from classes). */
    public static final String FALLBACK_VERSION = "0.1.0-SNAPSHOT";

    /** The version from the jar's Maven metadata, else {@link #FALLBACK_VERSION}. */
    public static String version() {
        try (InputStream in = VersionProvider.class.getResourceAsStream(
                "/META-INF/maven/org.mdsens/mdsens-app/pom.properties")) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                String v = p.getProperty("version");
                if (v != null && !v.isBlank()) return v;
            }
        } catch (IOException ignored) {
            // fall through to the compiled-in version
        }
        return FALLBACK_VERSION;
    }

    @Override
    public String[] getVersion() {
        boolean vector = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
        return new String[] {
            "mdsens " + version(),
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ", "
                    + System.getProperty("os.arch") + ")",
            "Vector API (jdk.incubator.vector): " + (vector ? "present" : "absent")
        };
    }
}
