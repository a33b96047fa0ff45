package dev.copilotsuite.calculator.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import dev.copilotsuite.calculator.model.InputCatalog;
import dev.copilotsuite.events.calculator.InputCatalogView;
import dev.copilotsuite.platform.security.Roles;

/** The one catalog of inputs that the UI, the copilot's language understanding and validation all read. */
@Path("/internal/catalog")
@RolesAllowed(Roles.SERVICE)
public class CatalogResource {

    private static final InputCatalogView CATALOG = new InputCatalogView(InputCatalog.all(),
            InputCatalog.bucketAliases(), InputCatalog.strategyAliases());

    @GET
    public InputCatalogView catalog() {
        return CATALOG;
    }
}
