package dev.copilotsuite.calculator.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import dev.copilotsuite.calculator.model.ChangeRejectedException;
import dev.copilotsuite.calculator.service.CalculatorService;
import dev.copilotsuite.calculator.service.CalculatorService.Command;
import dev.copilotsuite.calculator.service.NothingToUndoException;
import dev.copilotsuite.calculator.service.VersionConflictException;
import dev.copilotsuite.events.EventEnvelope;
import dev.copilotsuite.events.Topics;
import dev.copilotsuite.events.calculator.CalculatorChangeRejected;
import dev.copilotsuite.events.calculator.CalculatorChangeRequested;
import dev.copilotsuite.events.calculator.CalculatorResetRequested;
import dev.copilotsuite.events.calculator.CalculatorUndoRequested;
import dev.copilotsuite.platform.messaging.EventPublisher;
import dev.copilotsuite.platform.messaging.ProcessedEvents;
import io.smallrye.common.annotation.Blocking;

/**
 * Applies the changes, undos and resets users make in the calculator UI. A refused command is
 * published with its reason and the request id it answers, so the UI can say why.
 */
@ApplicationScoped
public class CalculatorCommandConsumer {

    private static final Logger LOG = Logger.getLogger(CalculatorCommandConsumer.class);

    private final CalculatorService calculator;
    private final ProcessedEvents processed;
    private final Emitter<EventEnvelope<?>> stateEvents;

    public CalculatorCommandConsumer(CalculatorService calculator, ProcessedEvents processed,
            @Channel(Topics.CALCULATOR_STATE) Emitter<EventEnvelope<?>> stateEvents) {
        this.calculator = calculator;
        this.processed = processed;
        this.stateEvents = stateEvents;
    }

    @Incoming(Topics.CALCULATOR_COMMANDS)
    @Blocking
    public void onCommand(EventEnvelope<?> event) {
        processed.process("calculator-commands", event, () -> handle(event));
    }

    private void handle(EventEnvelope<?> event) {
        String session = event.sessionId();
        if (event.payload() instanceof CalculatorChangeRequested change) {
            run(event, change.requestId(), () -> calculator.apply(session, new Command(event.tenantId(),
                    change.requestId(), change.actor(), change.actorRef(), change.expectedVersion()), change.ops()));
        } else if (event.payload() instanceof CalculatorUndoRequested undo) {
            run(event, undo.requestId(), () -> calculator.undo(session, new Command(event.tenantId(), undo.requestId(),
                    undo.actor(), undo.actorRef(), undo.expectedVersion())));
        } else if (event.payload() instanceof CalculatorResetRequested reset) {
            run(event, reset.requestId(), () -> calculator.reset(session, new Command(event.tenantId(),
                    reset.requestId(), reset.actor(), reset.actorRef(), reset.expectedVersion())));
        } else {
            LOG.warnf("ignoring %s on %s", event.type(), Topics.CALCULATOR_COMMANDS);
        }
    }

    private void run(EventEnvelope<?> event, String requestId, Runnable command) {
        try {
            command.run();
        } catch (ChangeRejectedException e) {
            reject(event, new CalculatorChangeRejected(requestId, e.code(), e.getMessage(), e.path(), e.value(), e.min(),
                    e.max(), calculator.current(event.sessionId()).version()));
        } catch (VersionConflictException e) {
            reject(event, new CalculatorChangeRejected(requestId, "VERSION_CONFLICT", e.getMessage(), null, null, null,
                    null, e.currentVersion()));
        } catch (NothingToUndoException e) {
            reject(event, new CalculatorChangeRejected(requestId, "NOTHING_TO_UNDO", e.getMessage(), null, null, null,
                    null, calculator.current(event.sessionId()).version()));
        }
    }

    private void reject(EventEnvelope<?> event, CalculatorChangeRejected rejected) {
        LOG.infof("command %s refused: %s", rejected.requestId(), rejected.message());
        EventPublisher.sendAndWait(stateEvents, event.answer(rejected));
    }
}
