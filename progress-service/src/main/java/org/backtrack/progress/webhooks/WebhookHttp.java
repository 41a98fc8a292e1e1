package org.backtrack.progress.webhooks;

import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.util.Timeout;
import org.backtrack.events.CloudEvent;
import org.backtrack.progress.webhooks.rules.EndpointUrlPolicy;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The one HTTP client webhooks are sent with (Apache HttpClient 5). Its DNS resolver resolves each host once per
 * connection, checks every address with the URL policy ({@link EndpointUrlPolicy#addressesFor}) and hands the
 * connection exactly those addresses, so what was checked is what is connected to (no DNS rebinding between check and
 * connect). Redirects are not followed (a 3xx is a failed attempt), no proxy, cookies or retries of its own; the
 * connect, response and whole-request times are bounded, and at most {@code maxResponseBytes} of the answer are read
 * (only the status matters; the connection is dropped rather than drained).
 */
final class WebhookHttp implements AutoCloseable {

    /** What an attempt came to: the status the receiver answered, or why there was none. */
    record Outcome(Integer status, String error) {
        boolean delivered() {
            return status != null && status >= 200 && status < 300;
        }
    }

    /** An address the policy refuses: the attempt fails without connecting. */
    static final class RefusedAddressException extends UnknownHostException {
        RefusedAddressException(String message) {
            super(message);
        }
    }

    static final ContentType BODY_TYPE = ContentType.create(CloudEvent.STRUCTURED_CONTENT_TYPE, StandardCharsets.UTF_8);

    private final CloseableHttpClient client;
    private final int maxResponseBytes;
    private final Duration requestTimeout;
    private final ScheduledExecutorService deadlines = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "webhook-deadlines");
        thread.setDaemon(true);
        return thread;
    });

    WebhookHttp(EndpointUrlPolicy policy, Duration connectTimeout, Duration responseTimeout, Duration requestTimeout,
                int maxResponseBytes, int maxConnections) {
        this.maxResponseBytes = maxResponseBytes;
        this.requestTimeout = requestTimeout;
        DnsResolver checkedAndPinned = new DnsResolver() {
            @Override
            public InetAddress[] resolve(String host) throws UnknownHostException {
                try {
                    return policy.addressesFor(host).toArray(InetAddress[]::new);
                } catch (EndpointUrlPolicy.RefusedUrlException refused) {
                    throw new RefusedAddressException("the URL " + refused.getMessage());
                }
            }

            @Override
            public String resolveCanonicalHostname(String host) {
                return host; // never used to connect: no canonical-name look-ups
            }
        };
        var connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setDnsResolver(checkedAndPinned)
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(connectTimeout))
                        .setSocketTimeout(Timeout.of(responseTimeout))
                        .build())
                .setMaxConnTotal(maxConnections)
                .setMaxConnPerRoute(maxConnections) // every sender thread may call the same endpoint
                .build();
        this.client = HttpClients.custom()
                .setConnectionManager(connections)
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setRedirectsEnabled(false)
                        .setResponseTimeout(Timeout.of(responseTimeout))
                        .setConnectionRequestTimeout(Timeout.of(connectTimeout))
                        .build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .setUserAgent("BackTrack-Webhooks/1")
                .build();
    }

    /** POSTs the body; never throws: every failure is an outcome. */
    Outcome post(URI url, Map<String, String> headers, String body) {
        HttpPost post = new HttpPost(url);
        headers.forEach(post::setHeader);
        post.setEntity(new ByteArrayEntity(body.getBytes(StandardCharsets.UTF_8), BODY_TYPE));
        ScheduledFuture<?> deadline = deadlines.schedule(post::cancel, requestTimeout.toMillis(), TimeUnit.MILLISECONDS);
        try (ClassicHttpResponse response = client.executeOpen(null, post, null)) {
            HttpEntity entity = response.getEntity();
            if (entity != null) {
                try (InputStream in = entity.getContent()) {
                    in.readNBytes(maxResponseBytes); // the rest is dropped with the connection
                }
            }
            return new Outcome(response.getCode(), null);
        } catch (RefusedAddressException refused) {
            return new Outcome(null, refused.getMessage());
        } catch (IOException | RuntimeException e) {
            return new Outcome(null, post.isCancelled() ? "no answer within " + requestTimeout.toSeconds() + " s"
                    : describe(e));
        } finally {
            deadline.cancel(false);
        }
    }

    private static String describe(Exception e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            if (cause instanceof RefusedAddressException) {
                break;
            }
            cause = cause.getCause();
        }
        String message = cause.getMessage() == null ? "" : ": " + cause.getMessage();
        String text = cause.getClass().getSimpleName() + message;
        return text.length() > 300 ? text.substring(0, 300) : text;
    }

    @Override
    public void close() throws IOException {
        deadlines.shutdownNow();
        client.close();
    }
}
