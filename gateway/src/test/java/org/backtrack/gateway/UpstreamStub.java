package org.backtrack.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A service behind a route: a real HTTP server on a free loopback port that answers every request, by default with
 * 200 and the path it received, and counts them.
 */
public final class UpstreamStub implements AutoCloseable {

    /** A response: its status and a body of the content type (none when the body is null). */
    public record Answer(int status, String contentType, String body) {

        public static Answer text(String body) {
            return new Answer(200, "text/plain", body);
        }
    }

    private final HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();

    public UpstreamStub() {
        this(exchange -> Answer.text("upstream " + exchange.getRequestURI().getRawPath()));
    }

    public UpstreamStub(Function<HttpExchange, Answer> answer) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            Answer response = answer.apply(exchange);
            if (response.body() == null) {
                exchange.sendResponseHeaders(response.status(), -1);
                exchange.close();
                return;
            }
            byte[] body = response.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", response.contentType());
            exchange.sendResponseHeaders(response.status(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The requests answered so far. */
    public int requests() {
        return requests.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
