package org.mdsens.app.command;

/**
 * The default of the {@code --threads} options: the processors available to this JVM, also
 * published as the system property {@code mdsens.cores} so that picocli can show it in the help
 * ({@code ${sys:mdsens.cores}}). Stateless.
 */
final class Cores {

    /** The property the help texts read. */
    static final String PROPERTY = "mdsens.cores";

    private Cores() { }

    /** The processors available to this JVM (≥ 1). */
    static int count() {
        return Math.max(1, Runtime.getRuntime().availableProcessors());
    }

    /** {@code requested} if given, else {@link #count()}. */
    static int orDefault(Integer requested) {
        return requested != null ? requested : count();
    }

    /** Sets the property the help texts read, unless it is set already. */
    static void publish() {
        if (System.getProperty(PROPERTY) == null) System.setProperty(PROPERTY, Integer.toString(count()));
    }
}
