package dev.copilotsuite.gateway.service;

/** A webhook request refused with a status and a stable code; nothing of it was published. */
public class WebhookRejected extends RuntimeException {

    private final int status;
    private final String code;

    public WebhookRejected(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
