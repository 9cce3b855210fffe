package org.mdsens.app.command;

import java.io.Console;
import java.lang.reflect.Method;

/**
 * Whether the JVM talks to a terminal: {@link System#console()} is non-null and, on JDK 22+
 * (where {@code System.console()} also returns a console for redirected streams),
 * {@code Console.isTerminal()} is true. Decides whether progress is shown.
 */
final class Terminal {

    private Terminal() { }

    static boolean interactive() {
        Console console = System.console();
        if (console == null) return false;
        try {
            Method isTerminal = Console.class.getMethod("isTerminal");
            return (Boolean) isTerminal.invoke(console);
        } catch (NoSuchMethodException e) {
            return true; // JDK < 22: a non-null console is a terminal
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }
}
