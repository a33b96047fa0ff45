package dev.copilotsuite.orchestrator.service;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import dev.copilotsuite.orchestrator.client.CalculatorClient;
import dev.copilotsuite.orchestrator.service.language.Lexicon;
import dev.copilotsuite.orchestrator.service.language.MessageReader;

/** calculator-service's input catalog, read once, as the brain's vocabulary. */
@ApplicationScoped
public class Catalog {

    private final CalculatorClient calculator;
    private volatile MessageReader reader;

    public Catalog(@RestClient CalculatorClient calculator) {
        this.calculator = calculator;
    }

    public MessageReader reader() {
        MessageReader current = reader;
        if (current == null) {
            synchronized (this) {
                if (reader == null) {
                    reader = new MessageReader(new Lexicon(calculator.catalog()));
                }
                current = reader;
            }
        }
        return current;
    }

    public Lexicon lexicon() {
        return reader().lexicon();
    }
}
