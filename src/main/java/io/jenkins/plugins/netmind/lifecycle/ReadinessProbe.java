package io.jenkins.plugins.netmind.lifecycle;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** A deploy's readiness probe: GET on the endpoint URL plus its readiness path until 2xx; a line per new answer. */
final class ReadinessProbe implements Poller<Integer, Integer> {
    private final Env env;
    private final WaitLog waitLog;
    private final String name;
    private final URI target;
    private final boolean sendToken;
    private final Instant startedAt;
    private final Instant deadline;
    private volatile String lastAnswer = "";

    ReadinessProbe(
            Env env, WaitLog waitLog, String name, URI target, boolean sendToken, Instant startedAt, Instant deadline) {
        this.env = env;
        this.waitLog = waitLog;
        this.name = name;
        this.target = target;
        this.sendToken = sendToken;
        this.startedAt = startedAt;
        this.deadline = deadline;
    }

    @Override
    public CompletableFuture<Integer> call() {
        return env.client().probe(target, sendToken);
    }

    @Override
    public Integer evaluate(Integer status) {
        if (status >= 200 && status < 300) {
            return status;
        }
        note(String.valueOf(status));
        return null;
    }

    @Override
    public Optional<Duration> tolerate(Throwable failure) {
        note(Teardowns.messageOf(failure));
        return Optional.empty();
    }

    /** A line for an answer (a status or a failure) that differs from the last one. */
    private void note(String answer) {
        if (!answer.equals(lastAnswer)) {
            lastAnswer = answer;
            waitLog.line(Messages.Deploy_probeAnswer(
                    target, answer, elapsed(env.clock().instant())));
        }
    }

    @Override
    public RuntimeException timedOut() {
        return new EndpointException(
                EndpointException.Reason.TIMEOUT,
                Messages.Deploy_probeTimeout(
                        name, target, Texts.duration(Duration.between(startedAt, deadline)), lastAnswer));
    }

    @Override
    public void heartbeat(Duration waited) {
        waitLog.line(
                Messages.Deploy_probeHeartbeat(name, target, elapsed(env.clock().instant())));
    }

    private String elapsed(Instant now) {
        return Texts.duration(Duration.between(startedAt, now));
    }
}
