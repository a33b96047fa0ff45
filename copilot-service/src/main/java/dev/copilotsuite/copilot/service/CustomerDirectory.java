package dev.copilotsuite.copilot.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;

import dev.copilotsuite.copilot.config.CopilotConfig;
import dev.copilotsuite.copilot.repository.Customer;
import dev.copilotsuite.copilot.repository.CustomerRepository;
import dev.copilotsuite.events.call.CustomerCard;
import io.quarkus.runtime.Startup;

/**
 * Finds a tenant's customer by the phone a call comes from, and imports the configured directory file,
 * or the seed directory shipped with the service when none is configured.
 */
@ApplicationScoped
public class CustomerDirectory {

    private static final Logger LOG = Logger.getLogger(CustomerDirectory.class);
    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    private static final String SEED = "seed/customers.json";

    private final CustomerRepository customers;
    private final CopilotConfig config;
    private final ObjectMapper mapper;

    public CustomerDirectory(CustomerRepository customers, CopilotConfig config, ObjectMapper mapper) {
        this.customers = customers;
        this.config = config;
        this.mapper = mapper;
    }

    /**
     * The phone in E.164, however it was written; a number that does not parse is returned trimmed, so
     * the agent is still told it is unknown.
     */
    public String normalize(String phone) {
        return e164(phone, config.phoneRegion());
    }

    static String e164(String phone, String region) {
        try {
            return PHONES.format(PHONES.parse(phone, region), PhoneNumberFormat.E164);
        } catch (NumberParseException e) {
            return phone.trim();
        }
    }

    public Optional<CustomerCard> byPhone(String tenantId, String phone) {
        return customers.byPhone(tenantId, normalize(phone)).map(CustomerDirectory::card);
    }

    public Optional<CustomerCard> byCustomerId(String tenantId, String customerId) {
        return customers.byCustomerId(tenantId, customerId).map(CustomerDirectory::card);
    }

    @Startup
    void importConfiguredFile() {
        String tenantId = config.customers().tenant();
        try (InputStream in = config.customers().file().isPresent() ? Files.newInputStream(config.customers().file().get())
                : CustomerDirectory.class.getClassLoader().getResourceAsStream(SEED)) {
            if (in == null) {
                throw new IllegalStateException("no classpath resource " + SEED);
            }
            importFile(tenantId, config.customers().file().map(Object::toString).orElse("classpath:" + SEED), in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the customer directory", e);
        }
    }

    /** Adds or replaces each customer of the file; customers the file does not name stay as they are. */
    private void importFile(String tenantId, String file, InputStream in) {
        List<Customer> read;
        try {
            read = mapper.readValue(in, new TypeReference<List<Customer>>() {
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the customer directory " + file, e);
        }
        for (Customer customer : read) {
            if (customer.customerId == null || customer.customerId.isBlank()) {
                throw new IllegalStateException("the customer directory " + file + " holds a customer without customerId");
            }
            customer.id = Customer.idOf(tenantId, customer.customerId);
            customer.tenantId = tenantId;
            customer.phones = customer.phones == null ? List.of() : customer.phones.stream().map(this::normalize).toList();
        }
        customers.persistOrUpdate(read);
        LOG.infof("imported %d customers of tenant %s from %s", read.size(), tenantId, file);
    }

    static CustomerCard card(Customer customer) {
        List<CustomerCard.Claim> openClaims = customer.claims == null ? List.of()
                : customer.claims.stream().filter(claim -> "OPEN".equals(claim.status())).toList();
        return new CustomerCard(customer.customerId, customer.firstName, customer.lastName, customer.email,
                customer.contracts == null ? List.of() : customer.contracts, openClaims);
    }
}
