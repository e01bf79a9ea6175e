package io.jenkins.plugins.netmind.client;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.random.RandomGenerator;

/**
 * Sends one NetMind call with {@link HttpClient#sendAsync} and retries it through the {@link Scheduler} (no thread
 * waits): GET, PUT and DELETE on connection errors, timeouts, 429 and 5xx; the create only when the connection never
 * got made or NetMind answered 429. Each attempt, body included, is bounded by the request timeout ({@link
 * Deadlines}); bodies are read up to a cap ({@link CappedBody}).
 */
final class RetryingCaller {

    /** One call: {@code accepted} lists non-2xx statuses handed back as answers instead of failures. */
    record Call(String method, String path, URI uri, String body, boolean create, Set<Integer> accepted) {}

    private final HttpClient http;
    private final String authorization;
    private final Duration requestTimeout;
    private final RetryPolicy policy;
    private final Scheduler scheduler;
    private final RandomGenerator random;
    private final Failures failures;

    RetryingCaller(
            HttpClient http,
            String token,
            Duration requestTimeout,
            RetryPolicy policy,
            Scheduler scheduler,
            RandomGenerator random,
            Failures failures) {
        this.http = http;
        this.authorization = "Bearer " + token;
        this.requestTimeout = requestTimeout;
        this.policy = policy;
        this.scheduler = scheduler;
        this.random = random;
        this.failures = failures;
    }

    CompletableFuture<HttpResponse<String>> send(Call call) {
        CompletableFuture<HttpResponse<String>> result = new CompletableFuture<>();
        attempt(call, 1, result);
        return result;
    }

    private void attempt(Call call, int attempt, CompletableFuture<HttpResponse<String>> result) {
        if (result.isDone()) {
            return;
        }
        CompletableFuture<HttpResponse<String>> sent;
        try {
            sent = Deadlines.bound(
                    http.sendAsync(request(call), CappedBody.handler()),
                    requestTimeout,
                    () -> new HttpTimeoutException("request timed out"));
        } catch (RuntimeException e) {
            sent = CompletableFuture.failedFuture(e);
        }
        sent.whenComplete((response, error) -> {
            NetMindException failure;
            if (error != null) {
                failure = failures.fromThrowable(call.method(), call.path(), call.create(), error, requestTimeout);
            } else if (isSuccess(response.statusCode()) || call.accepted().contains(response.statusCode())) {
                result.complete(response);
                return;
            } else {
                failure = failures.fromResponse(call.method(), call.path(), call.create(), response);
            }
            retryOrFail(call, attempt, result, failure);
        });
    }

    private void retryOrFail(
            Call call, int attempt, CompletableFuture<HttpResponse<String>> result, NetMindException failure) {
        if (!failure.isRetryable() || attempt >= policy.maxAttempts()) {
            result.completeExceptionally(Failures.afterAttempts(failure, attempt));
            return;
        }
        Duration delay = policy.backoff(attempt, random);
        if (failure.retryAfter().isPresent()) {
            Duration asked = failure.retryAfter().get();
            if (asked.compareTo(policy.maxRetryAfter()) > 0) {
                result.completeExceptionally(Failures.retryAfterTooLong(failure, asked, policy.maxRetryAfter()));
                return;
            }
            delay = asked;
        }
        try {
            scheduler.schedule(delay, () -> attempt(call, attempt + 1, result));
        } catch (RuntimeException e) {
            result.completeExceptionally(Failures.afterAttempts(failure, attempt));
        }
    }

    private HttpRequest request(Call call) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(call.uri())
                .timeout(requestTimeout)
                .header("Authorization", authorization)
                .header("Accept", "application/json");
        if (call.body() != null) {
            builder.header("Content-Type", "application/json")
                    .method(call.method(), HttpRequest.BodyPublishers.ofString(call.body()));
        } else if (call.method().equals("GET")) {
            builder.GET();
        } else if (call.method().equals("DELETE")) {
            builder.DELETE();
        } else {
            builder.method(call.method(), HttpRequest.BodyPublishers.noBody());
        }
        return builder.build();
    }

    static boolean isSuccess(int status) {
        return status >= 200 && status < 300;
    }
}
