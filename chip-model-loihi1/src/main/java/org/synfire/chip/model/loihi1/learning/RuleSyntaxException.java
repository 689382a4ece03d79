package org.synfire.chip.model.loihi1.learning;

/**
 * Rule text that cannot be read or that asks for something the learning engine cannot do. The message
 * names the line and column (both from 1), what was found there and what would be right.
 */
public final class RuleSyntaxException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final int line;
    private final int column;

    /** A problem at {@code line}, {@code column} (both from 1) of {@code text}. */
    public RuleSyntaxException(String text, int line, int column, String problem) {
        super("learning rule, line " + line + ", column " + column + ": " + problem + "\n" + excerpt(text, line, column));
        this.line = line;
        this.column = column;
    }

    /** The line of the problem, from 1. */
    public int line() {
        return line;
    }

    /** The column of the problem, from 1. */
    public int column() {
        return column;
    }

    private static String excerpt(String text, int line, int column) {
        String[] lines = text.split("\\R", -1);
        String l = line - 1 < lines.length ? lines[line - 1] : "";
        return "  " + l + "\n  " + " ".repeat(Math.max(0, column - 1)) + "^";
    }
}
