package org.synfire.chip.model.loihi1.learning;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Reads learning rules in NxSDK syntax.
 *
 * <pre>
 * rule      = statement { (newline | ';') statement }       blank statements are skipped
 * statement = ("dw" | "dd" | "dt") "=" sum                  each variable at most once
 * sum       = ["+" | "-"] product { ("+" | "-") product }
 * product   = item { "*" item }
 * item      = integer | "2^" ["-"] integer | "2^(" ["-"] integer ")"
 *           | x0 | y0 | r0 | x1 | x2 | y1 | y2 | y3 | r1 | w | d | t | u0 .. u9
 *           | "(" inner ")" | "sgn(" inner ")"                sgn only of w, d, t
 * inner     = variable [("+" | "-") integer] | ["-"] integer "+" variable
 * </pre>
 *
 * <h2>Scale normalisation</h2>
 * The integer constants, the powers of two and the sign of a product fold into one exact scale
 * {@code M * 2^E} ({@code M} an integer). The chip holds a scale as a mantissa -8 .. 7 and an exponent
 * -7 .. 8; the parser brings {@code M * 2^E} there without changing its value, as NxSDK and Lava do:
 * <ol>
 *   <li>while {@code M} is outside -8 .. 7 and even: {@code M /= 2, E += 1} (so {@code 8} becomes
 *       {@code 4 * 2^1}, {@code 12} becomes {@code 3 * 2^2}; a mantissa already in range is kept as
 *       written: {@code 4} stays {@code 4 * 2^0});</li>
 *   <li>while {@code E < -7} and {@code M} is even: {@code M /= 2, E += 1};</li>
 *   <li>while {@code E > 8} and {@code 2 * M} is in -8 .. 7: {@code M *= 2, E -= 1}.</li>
 * </ol>
 * If {@code M} or {@code E} is still out of range, the scale cannot be represented exactly (e.g.
 * {@code 9}, {@code 3 * 2^-8}) and the text is refused; a scale of 0 is refused too.
 *
 * <h2>Dependency</h2>
 * Every product needs a dependency, its first plain {@code x0}, {@code y0} or {@code u_k}
 * (see {@link Dependency}); a product without one is refused.
 */
public final class RuleParser {

    private final String text;
    private final List<Token> tokens;
    private int next;

    private RuleParser(String text) {
        this.text = text;
        this.tokens = new Lexer(text).tokens();
    }

    /**
     * Parses rule text.
     *
     * @throws RuleSyntaxException naming line and column of the first problem
     */
    public static Rule parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("learning rule text is null");
        }
        return new RuleParser(text).rule();
    }

    private enum Kind { INTEGER, NAME, PLUS, MINUS, STAR, CARET, OPEN, CLOSE, EQUALS, SEPARATOR, END }

    private record Token(Kind kind, String text, int line, int column) {
        String describe() {
            return switch (kind) {
                case END -> "the end of the text";
                case SEPARATOR -> text.equals(";") ? "';'" : "the end of the line";
                default -> "'" + text + "'";
            };
        }
    }

    private Rule rule() {
        Map<SynapticVariable, Sum> sums = new EnumMap<>(SynapticVariable.class);
        Map<SynapticVariable, Integer> lines = new EnumMap<>(SynapticVariable.class);
        skipSeparators();
        if (peek().kind() == Kind.END) {
            throw error(peek(), "empty rule: expected a statement such as 'dw = x0*y0*2'");
        }
        while (peek().kind() != Kind.END) {
            Token lhs = take();
            SynapticVariable target = lhs.kind() == Kind.NAME ? SynapticVariable.byLhs(lhs.text()) : null;
            if (target == null) {
                throw error(lhs, "expected dw, dd or dt at the start of a statement, found " + lhs.describe());
            }
            if (sums.containsKey(target)) {
                throw error(lhs, target.lhs() + " is given twice (first on line " + lines.get(target)
                        + "); write one sum per variable");
            }
            expect(Kind.EQUALS, "'=' after " + target.lhs());
            sums.put(target, sum());
            lines.put(target, lhs.line());
            Token after = peek();
            if (after.kind() != Kind.SEPARATOR && after.kind() != Kind.END) {
                throw error(after, "expected '+', '-', '*' or the end of the statement, found " + after.describe());
            }
            skipSeparators();
        }
        return new Rule(sums.getOrDefault(SynapticVariable.WEIGHT, Sum.EMPTY),
                sums.getOrDefault(SynapticVariable.DELAY, Sum.EMPTY),
                sums.getOrDefault(SynapticVariable.TAG, Sum.EMPTY));
    }

    private Sum sum() {
        List<Term> terms = new ArrayList<>();
        int sign = 1;
        if (peek().kind() == Kind.PLUS || peek().kind() == Kind.MINUS) {
            sign = take().kind() == Kind.MINUS ? -1 : 1;
        }
        int k = -1;
        while (true) {
            Token start = peek();
            Term term = product(sign, start);
            for (Factor f : term.factors()) {
                if (f instanceof Factor.U u) {
                    if (k >= 0 && u.k() != k) {
                        throw error(start, "this product uses u" + u.k() + " but an earlier one uses u" + k
                                + "; one sum may use a single epoch counter u_k");
                    }
                    k = u.k();
                }
            }
            terms.add(term);
            if (terms.size() > Sum.MAX_TERMS) {
                throw error(start, "more than " + Sum.MAX_TERMS + " products in one sum");
            }
            if (peek().kind() != Kind.PLUS && peek().kind() != Kind.MINUS) {
                return new Sum(terms);
            }
            sign = take().kind() == Kind.MINUS ? -1 : 1;
        }
    }

    private Term product(int sign, Token start) {
        long m = sign;
        int e = 0;
        List<Factor> factors = new ArrayList<>();
        while (true) {
            Token t = take();
            switch (t.kind()) {
                case INTEGER -> {
                    if (peek().kind() == Kind.CARET) {
                        if (!t.text().equals("2")) {
                            throw error(t, "only 2 can be raised to a power (2^k), found " + t.text() + "^");
                        }
                        take();
                        e += powerOfTwoExponent();
                    } else {
                        long value = integer(t);
                        if (Math.abs(m) > (1L << 40) / Math.max(1, value)) {
                            throw error(t, "constant product too large for a scale");
                        }
                        m *= value;
                    }
                }
                case NAME -> factors.add(named(t));
                case OPEN -> {
                    factors.add(inner(t, false));
                    expect(Kind.CLOSE, "')' to close the bracket opened at column " + t.column());
                }
                default -> throw error(t, "expected a factor (x0, y0, r0, x1, x2, y1, y2, y3, r1, w, d, t, u0 .. u9,"
                        + " sgn(..), (V + C)), an integer or 2^k, found " + t.describe());
            }
            if (peek().kind() != Kind.STAR) {
                break;
            }
            take();
        }
        return term(m, e, factors, start);
    }

    private int powerOfTwoExponent() {
        boolean bracket = peek().kind() == Kind.OPEN;
        if (bracket) {
            take();
        }
        int sign = 1;
        if (peek().kind() == Kind.MINUS) {
            take();
            sign = -1;
        }
        Token k = take();
        if (k.kind() != Kind.INTEGER) {
            throw error(k, "expected the integer exponent k of 2^k, found " + k.describe());
        }
        long value = integer(k);
        if (value > 30) {
            throw error(k, "exponent " + sign * value + " of 2^k is outside -30 .. 30");
        }
        if (bracket) {
            expect(Kind.CLOSE, "')' after the exponent of 2^(k)");
        }
        return (int) (sign * value);
    }

    private Factor named(Token t) {
        String name = t.text();
        if (name.equals("sgn")) {
            Token open = expect(Kind.OPEN, "'(' after sgn");
            Factor.Offset inside = inner(open, true);
            expect(Kind.CLOSE, "')' to close sgn( opened at column " + open.column());
            return new Factor.Sign(inside.variable(), inside.constant());
        }
        if (name.length() == 2 && name.charAt(0) == 'u' && Character.isDigit(name.charAt(1))) {
            return new Factor.U(name.charAt(1) - '0');
        }
        return new Factor.Plain(variable(t));
    }

    /** Reads {@code V}, {@code V + C}, {@code V - C} or {@code C + V} after an opening bracket. */
    private Factor.Offset inner(Token open, boolean sgn) {
        Token first = take();
        Token variable;
        long constant = 0;
        Token constantToken = null;
        if (first.kind() == Kind.INTEGER || first.kind() == Kind.MINUS) {
            int sign = 1;
            constantToken = first;
            if (first.kind() == Kind.MINUS) {
                sign = -1;
                constantToken = take();
                if (constantToken.kind() != Kind.INTEGER) {
                    throw error(constantToken, "expected an integer constant, found " + constantToken.describe());
                }
            }
            constant = sign * integer(constantToken);
            expect(Kind.PLUS, "'+' between the constant and the variable of (C + V)");
            variable = take();
        } else {
            variable = first;
            if (peek().kind() == Kind.PLUS || peek().kind() == Kind.MINUS) {
                int sign = take().kind() == Kind.MINUS ? -1 : 1;
                constantToken = take();
                if (constantToken.kind() != Kind.INTEGER) {
                    throw error(constantToken, "expected an integer constant C in (V + C), found "
                            + constantToken.describe());
                }
                constant = sign * integer(constantToken);
            }
        }
        if (variable.kind() != Kind.NAME) {
            throw error(variable, "expected a variable (x0, y0, r0, x1, x2, y1, y2, y3, r1, w, d, t) inside "
                    + (sgn ? "sgn(..)" : "( .. )") + ", found " + variable.describe());
        }
        StateVariable v = variable(variable);
        if (sgn && !v.isSynaptic()) {
            throw error(variable, "sgn takes only the synaptic variables w, d, t, found " + v.symbol());
        }
        if (constant < Factor.MIN_CONSTANT || constant > Factor.MAX_CONSTANT) {
            throw error(constantToken, "constant " + constant + " is outside " + Factor.MIN_CONSTANT + " .. "
                    + Factor.MAX_CONSTANT);
        }
        return new Factor.Offset(v, (int) constant);
    }

    private StateVariable variable(Token t) {
        StateVariable v = StateVariable.bySymbol(t.text());
        if (v == null) {
            throw error(t, "unsupported factor '" + t.text() + "'; supported: x0 y0 r0 x1 x2 y1 y2 y3 r1 w d t,"
                    + " u0 .. u9, sgn(w|d|t [+ C]), (V + C)");
        }
        return v;
    }

    private Term term(long m, int e, List<Factor> factors, Token start) {
        if (m == 0) {
            throw error(start, "this product has a scale of 0; leave it out");
        }
        long mantissa = m;
        int exponent = e;
        while ((mantissa < Term.MIN_MANTISSA || mantissa > Term.MAX_MANTISSA) && mantissa % 2 == 0) {
            mantissa /= 2;
            exponent++;
        }
        while (exponent < Term.MIN_EXPONENT && mantissa % 2 == 0) {
            mantissa /= 2;
            exponent++;
        }
        while (exponent > Term.MAX_EXPONENT && 2 * mantissa >= Term.MIN_MANTISSA && 2 * mantissa <= Term.MAX_MANTISSA) {
            mantissa *= 2;
            exponent--;
        }
        if (mantissa < Term.MIN_MANTISSA || mantissa > Term.MAX_MANTISSA
                || exponent < Term.MIN_EXPONENT || exponent > Term.MAX_EXPONENT) {
            throw error(start, "scale " + m + (e == 0 ? "" : " * 2^" + e) + " cannot be represented exactly as"
                    + " mantissa (" + Term.MIN_MANTISSA + " .. " + Term.MAX_MANTISSA + ") * 2^exponent ("
                    + Term.MIN_EXPONENT + " .. " + Term.MAX_EXPONENT + ")");
        }
        if (Term.dependencyOf(factors) == null) {
            throw error(start, "this product has no dependency: it needs a factor x0, y0 or u0 .. u9");
        }
        if (Term.fixedMagnitudeBound((int) mantissa, exponent, factors) > Term.MAX_FIXED_MAGNITUDE) {
            throw error(start, "this product can exceed the learning engine's range (2^48 units); use fewer"
                    + " or smaller factors");
        }
        return new Term((int) mantissa, exponent, factors);
    }

    private long integer(Token t) {
        if (t.text().length() > 9) {
            throw error(t, "integer " + t.text() + " is too large");
        }
        return Long.parseLong(t.text());
    }

    private Token peek() {
        return tokens.get(next);
    }

    private Token take() {
        Token t = tokens.get(next);
        if (t.kind() != Kind.END) {
            next++;
        }
        return t;
    }

    private Token expect(Kind kind, String what) {
        Token t = take();
        if (t.kind() != kind) {
            throw error(t, "expected " + what + ", found " + t.describe());
        }
        return t;
    }

    private void skipSeparators() {
        while (peek().kind() == Kind.SEPARATOR) {
            take();
        }
    }

    private RuleSyntaxException error(Token t, String problem) {
        return new RuleSyntaxException(text, t.line(), t.column(), problem);
    }

    /** Splits the text into tokens, each with its line and column (from 1). */
    private static final class Lexer {
        private final String text;
        private final List<Token> tokens = new ArrayList<>();
        private int line = 1;
        private int lineStart;

        Lexer(String text) {
            this.text = text;
        }

        List<Token> tokens() {
            int i = 0;
            while (i < text.length()) {
                char c = text.charAt(i);
                int column = i - lineStart + 1;
                if (c == '\n') {
                    tokens.add(new Token(Kind.SEPARATOR, "\n", line, column));
                    line++;
                    lineStart = i + 1;
                    i++;
                } else if (c == ' ' || c == '\t' || c == '\r') {
                    i++;
                } else if (Character.isDigit(c)) {
                    int end = i;
                    while (end < text.length() && Character.isDigit(text.charAt(end))) {
                        end++;
                    }
                    tokens.add(new Token(Kind.INTEGER, text.substring(i, end), line, column));
                    i = end;
                } else if (Character.isLetter(c) || c == '_') {
                    int end = i;
                    while (end < text.length()
                            && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_')) {
                        end++;
                    }
                    tokens.add(new Token(Kind.NAME, text.substring(i, end), line, column));
                    i = end;
                } else {
                    Kind kind = switch (c) {
                        case '+' -> Kind.PLUS;
                        case '-' -> Kind.MINUS;
                        case '*' -> Kind.STAR;
                        case '^' -> Kind.CARET;
                        case '(' -> Kind.OPEN;
                        case ')' -> Kind.CLOSE;
                        case '=' -> Kind.EQUALS;
                        case ';' -> Kind.SEPARATOR;
                        default -> throw new RuleSyntaxException(text, line, column, "unexpected character '" + c
                                + "'; rules use + - * ^ ( ) = ; integers and factor names");
                    };
                    tokens.add(new Token(kind, String.valueOf(c), line, column));
                    i++;
                }
            }
            tokens.add(new Token(Kind.END, "", line, text.length() - lineStart + 1));
            return tokens;
        }
    }
}
