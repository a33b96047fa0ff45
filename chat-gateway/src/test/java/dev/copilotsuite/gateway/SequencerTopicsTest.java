package dev.copilotsuite.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import dev.copilotsuite.events.Topics;
import dev.copilotsuite.gateway.messaging.SessionSequencer;

/** The sequencer's consumer reads exactly the topics the suite calls outbound: none forgotten, none extra. */
class SequencerTopicsTest {

    @Test
    void theSequencerReadsEveryOutboundTopic() {
        String topics = ConfigProvider.getConfig()
                .getValue("mp.messaging.incoming." + SessionSequencer.IN + ".topics", String.class);
        assertEquals(List.of(Topics.GATEWAY_OUTBOUND), List.of(topics.split(",")));
    }
}
