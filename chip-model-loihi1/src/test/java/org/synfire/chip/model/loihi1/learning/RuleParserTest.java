package org.synfire.chip.model.loihi1.learning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RuleParserTest {

    private static final Factor X0 = new Factor.Plain(StateVariable.X0);
    private static final Factor Y0 = new Factor.Plain(StateVariable.Y0);

    @Test
    void parsesTheSbpRule() {
        // the spec's rule: two products, scale 4 (fits the mantissa as written) and -2
        Rule rule = Rule.parse("dw = y0*x0*r1*4 - y0*x0*2");
        assertEquals(List.of(
                new Term(4, 0, List.of(Y0, X0, new Factor.Plain(StateVariable.R1))),
                new Term(-2, 0, List.of(Y0, X0))), rule.dw().terms());
        assertTrue(rule.dd().isEmpty());
        assertTrue(rule.dt().isEmpty());
        // the dependency is the first of x0 / y0 / u_k written: y0 here
        assertEquals(new Dependency.PostSpike(), rule.dw().terms().get(0).dependency());
    }

    @Test
    void parsesEveryFactorKind() {
        Rule rule = Rule.parse("dw = x0*y0*r0*x1*x2*y1*y2*y3*r1 + u3*w*d*t + y0*(w + 3)*sgn(d - 2)*(5 + t)*(x1 - 1)");
        List<Term> terms = rule.dw().terms();
        assertEquals(3, terms.size());
        assertEquals(List.of(StateVariable.X0, StateVariable.Y0, StateVariable.R0, StateVariable.X1,
                        StateVariable.X2, StateVariable.Y1, StateVariable.Y2, StateVariable.Y3, StateVariable.R1),
                terms.get(0).factors().stream().map(f -> ((Factor.Plain) f).variable()).toList());
        assertEquals(List.of(new Factor.U(3), new Factor.Plain(StateVariable.W), new Factor.Plain(StateVariable.D),
                new Factor.Plain(StateVariable.T)), terms.get(1).factors());
        assertEquals(List.of(Y0, new Factor.Offset(StateVariable.W, 3), new Factor.Sign(StateVariable.D, -2),
                new Factor.Offset(StateVariable.T, 5), new Factor.Offset(StateVariable.X1, -1)),
                terms.get(2).factors());
        // dependencies: x0 (first written), u3, y0
        assertEquals(new Dependency.PreSpike(), terms.get(0).dependency());
        assertEquals(new Dependency.Decimated(3), terms.get(1).dependency());
        assertEquals(new Dependency.PostSpike(), terms.get(2).dependency());
    }

    @Test
    void laterDependencySymbolsAreOrdinaryFactorsAndBracketedOnesAreNotDependencies() {
        // (x0 + 1) is an offset factor, so the dependency is the y0 after it
        Term t = Rule.parse("dw = (x0 + 1)*y0*x0").dw().terms().get(0);
        assertEquals(new Dependency.PostSpike(), t.dependency());
        assertEquals(3, t.factors().size());
    }

    @ParameterizedTest(name = "{0} -> {1} * 2^{2}")
    @CsvSource(delimiter = ';', value = {
            // written scale; expected mantissa; expected exponent   (normalisation rule of RuleParser)
            "2;            2;  0",   // in range: kept as written
            "7;            7;  0",
            "-8;          -8;  0",   // -8 is a valid mantissa
            "8;            4;  1",   // 8 = 4 * 2^1 (halve while out of range)
            "-2*4*2;      -8;  1",   // -16 -> -8 * 2^1
            "12;           6;  1",   // 12 is out of range and even -> 6 * 2^1; 6 is in range, so it stays
            "2^-2;         1; -2",
            "2^(-7);       1; -7",
            "4*2^-9;       1; -7",   // 4 * 2^-9 = 2^-7: mantissa halved until the exponent fits
            "2^9;          2;  8",   // 2^9 = 2 * 2^8: mantissa doubled until the exponent fits
            "2^10;         4;  8",   // 2^10 = 4 * 2^8
            "3*2^8;        3;  8",
            "-1*2^-2;     -1; -2",
            "96;           6;  4",   // 96 -> 48*2^1 -> 24*2^2 -> 12*2^3 -> 6*2^4
    })
    void normalisesTheScale(String scale, int mantissa, int exponent) {
        Term t = Rule.parse("dw = " + scale + "*x0").dw().terms().get(0);
        assertEquals(mantissa, t.mantissa(), "mantissa of " + scale);
        assertEquals(exponent, t.exponent(), "exponent of " + scale);
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {"9", "3*2^-8", "2^11", "5*2^8*2", "15"})
    // 9, 15: odd and above 7; 3*2^-8: odd mantissa below 2^-7; 2^11 = 8*2^8 (largest is 7*2^8); 5*2^9 likewise
    void refusesScalesThatCannotBeRepresented(String scale) {
        RuleSyntaxException e = assertThrows(RuleSyntaxException.class, () -> Rule.parse("dw = x0*y1 + " + scale + "*x0"));
        // the error points at the start of the second product, column 14 of "dw = x0*y1 + ..."
        assertEquals(1, e.line());
        assertEquals(14, e.column());
        assertTrue(e.getMessage().contains("cannot be represented exactly"), e.getMessage());
    }

    @Test
    void namesTheUnsupportedFactorAndItsColumn() {
        RuleSyntaxException e = assertThrows(RuleSyntaxException.class, () -> Rule.parse("dw = x0*z1*2"));
        assertEquals(9, e.column()); // d=1 w=2 ' '=3 '='=4 ' '=5 x=6 0=7 *=8 z=9
        assertTrue(e.getMessage().contains("unsupported factor 'z1'"), e.getMessage());
    }

    @Test
    void namesThePositionOfAMalformedRule() {
        RuleSyntaxException dangling = assertThrows(RuleSyntaxException.class, () -> Rule.parse("dw = x0*y0*"));
        assertEquals(12, dangling.column()); // the end of the text, right after the '*' at column 11
        assertTrue(dangling.getMessage().contains("found the end of the text"), dangling.getMessage());

        RuleSyntaxException secondLine = assertThrows(RuleSyntaxException.class,
                () -> Rule.parse("dw = x0*2\ndd = y0 * ) "));
        assertEquals(2, secondLine.line());
        assertEquals(11, secondLine.column());

        RuleSyntaxException badLhs = assertThrows(RuleSyntaxException.class, () -> Rule.parse("dx = x0"));
        assertEquals(1, badLhs.column());
        assertTrue(badLhs.getMessage().contains("expected dw, dd or dt"), badLhs.getMessage());

        RuleSyntaxException character = assertThrows(RuleSyntaxException.class, () -> Rule.parse("dw = x0 / 2"));
        assertEquals(9, character.column());

        RuleSyntaxException missingOperator = assertThrows(RuleSyntaxException.class, () -> Rule.parse("dw = x0 y0"));
        assertEquals(9, missingOperator.column());
    }

    @Test
    void refusesWhatTheLearningEngineCannotDo() {
        // no dependency: the product starts at column 6
        RuleSyntaxException noDependency = assertThrows(RuleSyntaxException.class, () -> Rule.parse("dw = x1*y1*2"));
        assertEquals(6, noDependency.column());
        assertTrue(noDependency.getMessage().contains("no dependency"), noDependency.getMessage());
        // sgn of a trace
        RuleSyntaxException sgn = assertThrows(RuleSyntaxException.class, () -> Rule.parse("dw = x0*sgn(x1)"));
        assertEquals(13, sgn.column());
        // two epoch counters in one sum
        RuleSyntaxException twoU = assertThrows(RuleSyntaxException.class, () -> Rule.parse("dw = u1*w - u2*w"));
        assertEquals(13, twoU.column());
        // a variable given twice
        RuleSyntaxException twice = assertThrows(RuleSyntaxException.class, () -> Rule.parse("dw = x0; dw = y0"));
        assertEquals(10, twice.column());
        // a power of 3
        assertThrows(RuleSyntaxException.class, () -> Rule.parse("dw = 3^2*x0"));
        // a constant out of -256 .. 255
        RuleSyntaxException constant = assertThrows(RuleSyntaxException.class, () -> Rule.parse("dw = x0*(w + 300)"));
        assertEquals(14, constant.column());
        // an empty rule
        assertThrows(RuleSyntaxException.class, () -> Rule.parse("  \n ; "));
    }

    @Test
    void readsSeveralStatementsAndReadsItsOwnRenderingBack() {
        Rule rule = Rule.parse("dw = 2^-2*x1*y0 - 2^-2*y1*x0\n\ndd = u2*(d + 1) ; dt = -3*y0*sgn(t)");
        assertEquals(2, rule.dw().terms().size());
        assertEquals(new Term(1, 0, List.of(new Factor.U(2), new Factor.Offset(StateVariable.D, 1))),
                rule.dd().terms().get(0));
        assertEquals(new Term(-3, 0, List.of(Y0, new Factor.Sign(StateVariable.T, 0))), rule.dt().terms().get(0));
        assertEquals(rule, Rule.parse(rule.toString()));
    }

    @Test
    void refusesATermThatCouldOverflow() {
        // 7 * 2^8 * 256^6 * 2^7 fractional bits = 2^(~2.8 + 8 + 48 + 7) > 2^55
        assertThrows(RuleSyntaxException.class, () -> Rule.parse("dw = 7*2^8*x0*w*w*w*w*w*w"));
    }
}
