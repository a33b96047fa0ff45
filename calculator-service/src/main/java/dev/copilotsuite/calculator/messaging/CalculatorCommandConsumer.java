package dev.copilotsuite.calculator.messaging;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import dev.copilotsuite.calculator.service.CalculatorService;
import dev.copilotsuite.calculator.service.CalculatorService.Command;
import dev.copilotsuite.calculator.service.CalculatorService.Request;
import dev.copilotsuite.events.EventEnvelope;
import dev.copilotsuite.events.Topics;
import dev.copilotsuite.events.calculator.CalculatorChangeRequested;
import dev.copilotsuite.events.calculator.CalculatorResetRequested;
import dev.copilotsuite.events.calculator.CalculatorUndoRequested;
import dev.copilotsuite.events.calculator.HistoryEntry;
import io.smallrye.common.annotation.Blocking;

/**
 * Applies the changes, undos and resets users make in the calculator UI, a polled batch at a time
 * (the channel is consumed with {@code batch=true}; a batch comes from one partition, so each session's
 * commands arrive in their order). A refused command is published with its reason and the request id
 * it answers, so the UI can say why.
 * <p>
 * Unlike the suite's other consumers this one does not go through {@code ProcessedEvents}: every command
 * carries a request id, and {@link CalculatorService} applies a request key ({@code session:requestId})
 * once, with a unique index deciding. A redelivered command finds the version it made (and publishes it
 * if its event never went out), so the per-event mark would only add two round trips per command to
 * MongoDB. What a redelivery can repeat is a refusal: the same rejected event sent again.
 */
@ApplicationScoped
public class CalculatorCommandConsumer {

    private static final Logger LOG = Logger.getLogger(CalculatorCommandConsumer.class);

    private final CalculatorService calculator;

    public CalculatorCommandConsumer(CalculatorService calculator) {
        this.calculator = calculator;
    }

    @Incoming(Topics.CALCULATOR_COMMANDS)
    @Blocking
    public void onCommands(List<EventEnvelope<?>> events) {
        List<Request> requests = new ArrayList<>(events.size());
        for (EventEnvelope<?> event : events) {
            Request request = request(event);
            if (request != null) {
                requests.add(request);
            }
        }
        if (requests.isEmpty()) {
            return;
        }
        try {
            calculator.execute(requests);
        } catch (RuntimeException e) {
            // Stored versions stay and unpublished ones are republished by their request's retry, so running
            // the commands again one by one is safe; it isolates a command that fails on its own. If any still
            // fails, the batch is nacked and its records go to the dead-letter topic (replaying them there is
            // safe for the same reason).
            LOG.warnf(e, "a batch of %d commands failed; running them one by one", requests.size());
            RuntimeException failed = null;
            for (Request request : requests) {
                try {
                    calculator.execute(List.of(request));
                } catch (RuntimeException single) {
                    LOG.errorf(single, "command %s of session %s failed", request.command().requestId(), request.sessionId());
                    failed = single;
                }
            }
            if (failed != null) {
                throw failed;
            }
        }
    }

    /** The request a command event asks for; null (logged) for a record that did not parse or is no command. */
    private static Request request(EventEnvelope<?> event) {
        if (event == null) {
            return null;
        }
        String session = event.sessionId();
        if (event.payload() instanceof CalculatorChangeRequested change) {
            return new Request(session, new Command(event.tenantId(), change.requestId(), change.actor(), change.actorRef(),
                    change.expectedVersion()), HistoryEntry.CHANGE, change.ops(), event);
        } else if (event.payload() instanceof CalculatorUndoRequested undo) {
            return new Request(session, new Command(event.tenantId(), undo.requestId(), undo.actor(), undo.actorRef(),
                    undo.expectedVersion()), HistoryEntry.UNDO, List.of(), event);
        } else if (event.payload() instanceof CalculatorResetRequested reset) {
            return new Request(session, new Command(event.tenantId(), reset.requestId(), reset.actor(), reset.actorRef(),
                    reset.expectedVersion()), HistoryEntry.RESET, List.of(), event);
        }
        LOG.warnf("ignoring %s on %s", event.type(), Topics.CALCULATOR_COMMANDS);
        return null;
    }
}
