package io.relais.bench.stack;

import io.relais.bench.Bench;
import io.relais.bench.harness.Section;

import java.util.List;

/** The scenarios that drive the running local stack (./relais up). */
public final class StackScenarios {

    private final Bench bench;

    public StackScenarios(Bench bench) {
        this.bench = bench;
    }

    public List<Section> run(String scenario) throws Exception {
        return List.of(new Section(scenario).note("Not run: the local stack scenarios are not written yet."));
    }
}
