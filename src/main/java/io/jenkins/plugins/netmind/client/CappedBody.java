package io.jenkins.plugins.netmind.client;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Reads a response body as UTF-8 text, at most a fixed number of bytes: a success answer (JSON) up to {@link
 * #MAX_SUCCESS_BYTES}, anything else (error text) up to {@link #MAX_ERROR_BYTES}. A success body past its cap fails the
 * call with {@link TooLarge} (an invalid response, never retried); an error body past its cap is cut there, since
 * only its first words reach a message.
 */
final class CappedBody {

    /** What a success answer may hold: far more than any list of services NetMind sends. */
    static final int MAX_SUCCESS_BYTES = 8 * 1024 * 1024;

    /** What an error answer is read up to. */
    static final int MAX_ERROR_BYTES = 64 * 1024;

    private CappedBody() {}

    /** The body handler: the cap depends on the status. */
    static HttpResponse.BodyHandler<String> handler() {
        return info -> {
            boolean success = info.statusCode() >= 200 && info.statusCode() < 300;
            return new Subscriber(success ? MAX_SUCCESS_BYTES : MAX_ERROR_BYTES, success);
        };
    }

    /** A success answer larger than the cap. */
    static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;
        private final int limit;

        TooLarge(int limit) {
            super("the answer is larger than " + limit + " bytes");
            this.limit = limit;
        }

        int limit() {
            return limit;
        }
    }

    private static final class Subscriber implements HttpResponse.BodySubscriber<String> {
        private final int limit;
        private final boolean failPastLimit;
        private int size;
        private boolean cut;
        private byte[] bytes;
        private Flow.Subscription subscription;
        private final CompletableFuture<String> body = new CompletableFuture<>();

        Subscriber(int limit, boolean failPastLimit) {
            this.limit = limit;
            this.failPastLimit = failPastLimit;
            this.bytes = new byte[Math.min(limit, 16 * 1024)];
        }

        @Override
        public CompletionStage<String> getBody() {
            return body;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            this.subscription = s;
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            if (cut) {
                return;
            }
            for (ByteBuffer b : items) {
                int n = b.remaining();
                if (size + n > limit) {
                    cut = true;
                    subscription.cancel();
                    if (failPastLimit) {
                        body.completeExceptionally(new TooLarge(limit));
                    } else {
                        b.get(ensure(limit), size, limit - size);
                        size = limit;
                        body.complete(text());
                    }
                    return;
                }
                b.get(ensure(size + n), size, n);
                size += n;
            }
        }

        private byte[] ensure(int needed) {
            if (needed > bytes.length) {
                byte[] bigger = new byte[Math.min(limit, Math.max(needed, bytes.length * 2))];
                System.arraycopy(bytes, 0, bigger, 0, size);
                bytes = bigger;
            }
            return bytes;
        }

        private String text() {
            return new String(bytes, 0, size, StandardCharsets.UTF_8);
        }

        @Override
        public void onError(Throwable throwable) {
            body.completeExceptionally(throwable);
        }

        @Override
        public void onComplete() {
            body.complete(text());
        }
    }
}
