package dev.copilotsuite.calculator.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import dev.copilotsuite.calculator.model.ChangeRejectedException;
import dev.copilotsuite.calculator.service.CalculatorService;
import dev.copilotsuite.calculator.service.VersionConflictException;
import dev.copilotsuite.events.EventEnvelope;
import dev.copilotsuite.events.Topics;
import dev.copilotsuite.events.calculator.CalculatorChangeRejected;
import dev.copilotsuite.events.calculator.CalculatorChangeRequested;
import dev.copilotsuite.platform.messaging.EventPublisher;
import dev.copilotsuite.platform.messaging.ProcessedEvents;
import io.smallrye.common.annotation.Blocking;

/** Applies the changes users make in the calculator UI; a refused change is published so the UI can say why. */
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
        if (!(event.payload() instanceof CalculatorChangeRequested request)) {
            LOG.warnf("ignoring %s on %s", event.type(), Topics.CALCULATOR_COMMANDS);
            return;
        }
        MDC.put("sessionId", event.sessionId());
        try {
            processed.once("calculator-commands", event.id(), () -> apply(event, request));
        } finally {
            MDC.remove("sessionId");
        }
    }

    private void apply(EventEnvelope<?> event, CalculatorChangeRequested request) {
        try {
            calculator.apply(event.tenantId(), event.sessionId(), request);
        } catch (ChangeRejectedException e) {
            reject(event, new CalculatorChangeRejected(request.requestId(), e.code(), e.getMessage(), e.path(),
                    e.value(), e.min(), e.max(), calculator.current(event.sessionId()).version()));
        } catch (VersionConflictException e) {
            reject(event, new CalculatorChangeRejected(request.requestId(), "VERSION_CONFLICT", e.getMessage(), null,
                    null, null, null, e.currentVersion()));
        }
    }

    private void reject(EventEnvelope<?> event, CalculatorChangeRejected rejected) {
        LOG.infof("change %s refused: %s", rejected.requestId(), rejected.message());
        EventPublisher.sendAndWait(stateEvents, event.answer(rejected));
    }
}
