package org.backtrack.progress.webhooks;

/** No webhook of this id in the caller's clinic (another clinic's is answered the same way). */
public class WebhookNotFoundException extends RuntimeException {

    private final String webhookId;

    public WebhookNotFoundException(String webhookId) {
        super("No webhook " + webhookId + " in your clinic");
        this.webhookId = webhookId;
    }

    public String webhookId() {
        return webhookId;
    }
}
