package org.mdsens.md.io;

/**
 * An input file (or string) that cannot be read, with where and why.
 *
 * <p>{@link #getMessage()} is one line, {@code "<source>:<line>: <what is wrong>; expected <what would
 * be right>"}, ready to print as is (no stack trace needed). When no single line is to blame
 * ({@link #line()} is 0) the line part is left out: {@code "<source>: <what is wrong>; expected ..."}.
 * The source is the file name as given to the reader, or {@code "<string>"} for text read from
 * memory. Extends {@link IllegalArgumentException}, so callers that map bad input to an exit code can
 * catch both together.
 */
public class InputFormatException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final int line;
    private final String problem;
    private final String expected;

    /**
     * @param source   file name or {@code "<string>"}
     * @param line     1-based line number, or 0 when no single line is to blame
     * @param problem  what is wrong (no trailing period)
     * @param expected what would be right
     */
    public InputFormatException(String source, int line, String problem, String expected) {
        super(format(source, line, problem, expected));
        this.source = source == null ? "<string>" : source;
        this.line = Math.max(0, line);
        this.problem = oneLine(problem);
        this.expected = oneLine(expected);
    }

    /** File name as given to the reader, or {@code "<string>"}. */
    public String source() { return source; }

    /** 1-based line number, 0 if none. */
    public int line() { return line; }

    /** What is wrong. */
    public String problem() { return problem; }

    /** What would be right. */
    public String expected() { return expected; }

    private static String format(String source, int line, String problem, String expected) {
        String where = (source == null ? "<string>" : source) + (line > 0 ? ":" + line : "");
        return where + ": " + oneLine(problem) + "; expected " + oneLine(expected);
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replace('\r', ' ').replace('\n', ' ');
    }
}
