package org.synfire.cli.internal.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

class ExperimentsTest {

    @TempDir
    Path temp;

    @ParameterizedTest
    @FieldSource("org.synfire.cli.internal.experiment.Experiments#PACKAGED")
    void everyPackagedExperimentIsValid(String name) {
        Experiment experiment = Experiments.packaged(name);

        assertEquals(name, experiment.name());
        assertTrue(!experiment.description().isBlank(), "description of " + name);
        assertEquals(java.util.Map.of("init", "positive-output"), experiment.options(),
                name + " states the initialisation that does not stall");
    }

    @Test
    void paperExperimentHasThePapersSettings() {
        Experiment paper = Experiments.packaged("paper-mnist20");

        assertEquals("sbp", paper.circuit());
        assertEquals("mnist20", paper.dataset());
        assertEquals(60, paper.epochs());
        assertEquals(List.of(400), paper.hidden());
        assertEquals(0.5, paper.checkpointEvery());
    }

    @Test
    void absentFieldsTakeTheirDefaults() {
        Experiment e = Experiments.parse("dataset: mnist20\n", "x.yaml", "x");

        // hidden stays absent: the circuit's own default stands (sBP's description says [400]; a run records it)
        assertEquals(new Experiment("x", "", "sbp", null, "loihi1", "mnist20", 1, 1L, null, null, null, 0.5, 1, null, null, null), e);
    }

    @Test
    void hiddenIsOneLayerOrAListOfLayersAndWritesBackAsItWasGiven() {
        Experiment one = Experiments.parse("dataset: mnist20\nhidden: 300\n", "x.yaml", "x");
        Experiment two = Experiments.parse("dataset: mnist20\nhidden: [400, 200]\n", "x.yaml", "x");

        assertEquals(List.of(300), one.hidden());
        assertEquals(List.of(400, 200), two.hidden());
        assertTrue(Experiments.toYaml(one).contains("hidden: 300\n"), Experiments.toYaml(one));
        assertEquals(two, Experiments.parse(Experiments.toYaml(two), "again.yaml", "x"));
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> Experiments.parse("dataset: mnist20\nhidden: [400, 0]\n", "x.yaml", "x"));
        assertTrue(e.getMessage().contains("'hidden'") && e.getMessage().contains("[400, 0]"), e.getMessage());
    }

    @Test
    void aUserFileIsReadByPathAndNamedAfterIt() throws IOException {
        Path file = Files.writeString(temp.resolve("mine.yaml"), "dataset: mnist20\nepochs: 3\nseed: 7\n");

        Experiment e = Experiments.resolve(file.toString());

        assertEquals("mine", e.name());
        assertEquals(3, e.epochs());
        assertEquals(7L, e.seed());
    }

    @Test
    void anUnknownFieldIsAnErrorNamingItAndTheKnownOnes() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> Experiments.parse("dataset: mnist20\nepoch: 3\n", "x.yaml", "x"));

        assertTrue(e.getMessage().startsWith("x.yaml (line 2): unknown field 'epoch'; known fields: "), e.getMessage());
        assertTrue(e.getMessage().contains("epochs"), e.getMessage());
    }

    @Test
    void aValueOfTheWrongTypeNamesFieldValueAndExpectation() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> Experiments.parse("dataset: mnist20\nepochs: many\n", "x.yaml", "x"));

        assertEquals("x.yaml (line 2): field 'epochs' is 'many'; expected a whole number", e.getMessage());
    }

    @Test
    void aValueOutOfRangeNamesFieldValueAndExpectation() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> Experiments.parse("dataset: mnist20\nepochs: 0\n", "x.yaml", "x"));

        assertEquals("x.yaml: field 'epochs' is 0; expected a whole number of at least 1", e.getMessage());
    }

    @Test
    void aMissingDataSetIsNamed() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> Experiments.parse("epochs: 2\n", "x.yaml", "x"));

        assertEquals("x.yaml: field 'dataset' is missing", e.getMessage());
    }

    @Test
    void anUnknownExperimentListsThePackagedOnes() {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> Experiments.resolve("nope"));

        assertEquals("unknown experiment 'nope': neither a packaged experiment (quick, paper-mnist20, mnist28, "
                + "fashion-mnist28, inference-mnist20) nor a YAML file", e.getMessage());
    }

    @Test
    void theYamlRecordReadsBackToTheSameExperiment() {
        Experiment paper = Experiments.packaged("paper-mnist20");

        assertEquals(paper, Experiments.parse(Experiments.toYaml(paper), "record", "other"));
    }
}
