package dev.copilotsuite.orchestrator.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import dev.copilotsuite.events.chat.ChatTurnView;
import dev.copilotsuite.orchestrator.repository.ChatTurnRepository;
import dev.copilotsuite.platform.security.Roles;

/** A session's stored thread, for the gateway to send as MESSAGES_SNAPSHOT when a browser (re)joins. */
@Path("/internal/sessions/{sessionId}/thread")
@RolesAllowed(Roles.SERVICE)
public class ThreadResource {

    private final ChatTurnRepository turns;

    public ThreadResource(ChatTurnRepository turns) {
        this.turns = turns;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<ChatTurnView> thread(@PathParam("sessionId") String sessionId) {
        return turns.thread(sessionId);
    }
}
