package io.jenkins.plugins.netmind.lifecycle;

import io.jenkins.plugins.netmind.client.DeleteOutcome;
import io.jenkins.plugins.netmind.client.NetMindException;
import io.jenkins.plugins.netmind.client.Service;
import io.jenkins.plugins.netmind.client.ServiceList;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Deletes endpoints and confirms them gone. An unknown or already deleted id counts as success; transient failures are
 * retried until the teardown timeout; the ledger entry becomes DELETED only once NetMind confirms it. The futures
 * returned here never fail: a failure is an item with outcome FAILED and a message.
 */
final class Teardowns {

    private final Env env;

    Teardowns(Env env) {
        this.env = env;
    }

    /** Tears down several endpoints in parallel; the report is built once all are done (nothing blocks). */
    CompletableFuture<TeardownReport> all(List<CompletableFuture<TeardownReport.Item>> items) {
        return CompletableFuture.allOf(items.toArray(CompletableFuture[]::new))
                .thenApply(v -> new TeardownReport(
                        items.stream().map(f -> f.getNow(null)).toList()));
    }

    /** Tears down the endpoint with this service id, recording in the ledger entry that carries it, if any. */
    CompletableFuture<TeardownReport.Item> byId(String serviceId, Ledger ledger, LogSink log) {
        LedgerEntry entry = ledger.findByServiceId(serviceId).orElse(null);
        String name = entry == null ? serviceId : entry.name();
        return delete(name, serviceId, entry, ledger, log);
    }

    /** Tears down what a ledger entry stands for; an entry without a service id is looked for by name. */
    CompletableFuture<TeardownReport.Item> entry(LedgerEntry entry, Ledger ledger, LogSink log) {
        if (entry.serviceId() != null) {
            return delete(entry.name(), entry.serviceId(), entry, ledger, log);
        }
        Instant asked = env.clock().instant();
        return env.client()
                .listServices()
                .thenCompose(list -> byName(entry, list, asked, ledger, log))
                .exceptionally(e -> {
                    String message = Messages.Teardown_failed(entry.name(), "-", messageOf(e));
                    log.log(message);
                    return failed(entry.name(), null, entry, message);
                });
    }

    /**
     * Concludes from the list: delete what carries the name; a name that is not listed was never created only once
     * the list grace period has passed since the entry was recorded (the list may lag behind a create). An entry that
     * gained a service id meanwhile (its deploy found it) is deleted by that id instead.
     */
    private CompletableFuture<TeardownReport.Item> byName(
            LedgerEntry entry, ServiceList list, Instant asked, Ledger ledger, LogSink log) {
        Instant now = env.clock().instant();
        LedgerEntry current = ledger.get(entry.name()).orElse(entry);
        if (current.serviceId() != null) {
            return delete(current.name(), current.serviceId(), current, ledger, log);
        }
        if (!current.isLive()) {
            // another teardown concluded meanwhile that it was never created
            return CompletableFuture.completedFuture(new TeardownReport.Item(
                    entry.name(), null, TeardownReport.Outcome.NOT_CREATED, null, null, entry.paymentType(), null));
        }
        if (!list.supported()) {
            keepUnknown(current, ledger);
            String message = Messages.Teardown_cannotFind(entry.name());
            log.log(message);
            return CompletableFuture.completedFuture(failed(entry.name(), null, entry, message));
        }
        List<Service> found = NameLookup.listed(list, entry.name(), current.nonce());
        if (found.isEmpty()) {
            return CompletableFuture.completedFuture(notListed(current, asked, ledger, log));
        }
        Instant created = entry.createdAt() != null ? entry.createdAt() : entry.recordedAt();
        List<CompletableFuture<TeardownReport.Item>> deletes = new ArrayList<>();
        for (Service s : found) {
            LedgerEntry known = entry.created(s.serviceId(), created, now);
            ledger.put(known);
            deletes.add(delete(entry.name(), s.serviceId(), known, ledger, log));
        }
        return all(deletes).thenApply(report -> {
            if (report.allGone()) {
                return report.items().get(0);
            }
            // several services carry the name: the ledger keeps one that may remain, whichever delete wrote last
            TeardownReport.Item left = report.failures().get(0);
            ledger.put(entry.created(left.serviceId(), created, now)
                    .withState(LedgerEntry.State.DELETING, env.clock().instant()));
            return left;
        });
    }

    /**
     * A name the list does not show. Only an UNKNOWN entry knows when its uncertainty began (its {@code recordedAt});
     * an INTENT's create may still be in flight or have been retried until now (429s, or a restart), so it becomes
     * UNKNOWN as of now. Either is concluded never created only when the list was asked (not answered: a slow
     * answer shows NetMind as it was when asked) once the grace period had passed since.
     */
    private TeardownReport.Item notListed(LedgerEntry entry, Instant asked, Ledger ledger, LogSink log) {
        Instant now = env.clock().instant();
        Instant since = entry.state() == LedgerEntry.State.UNKNOWN ? entry.recordedAt() : now;
        Duration age = Duration.between(since, asked);
        if (age.compareTo(env.listGrace()) < 0) {
            String message;
            if (entry.state() != LedgerEntry.State.UNKNOWN) {
                ledger.put(entry.withState(LedgerEntry.State.UNKNOWN, now));
                message = Messages.Teardown_notListedInFlight(entry.name(), Texts.duration(env.listGrace()));
            } else {
                message = Messages.Teardown_notListedYet(
                        entry.name(), Texts.duration(age), Texts.duration(env.listGrace()));
            }
            log.log(message);
            return failed(entry.name(), null, entry, message);
        }
        ledger.put(entry.withState(LedgerEntry.State.DELETED, now));
        log.log(Messages.Teardown_notCreated(entry.name()));
        return new TeardownReport.Item(
                entry.name(), null, TeardownReport.Outcome.NOT_CREATED, null, null, entry.paymentType(), null);
    }

    /** Marks an entry without service id UNKNOWN as of now, unless it is already (then it keeps its time). */
    private void keepUnknown(LedgerEntry entry, Ledger ledger) {
        if (entry.state() != LedgerEntry.State.UNKNOWN) {
            ledger.put(entry.withState(LedgerEntry.State.UNKNOWN, env.clock().instant()));
        }
    }

    /** Deletes one endpoint and waits until NetMind confirms it gone. */
    CompletableFuture<TeardownReport.Item> delete(
            String name, String serviceId, LedgerEntry entry, Ledger ledger, LogSink log) {
        Instant start = env.clock().instant();
        Instant deadline = start.plus(env.teardownTimeout());
        if (entry != null) {
            ledger.put(entry.withState(LedgerEntry.State.DELETING, start));
        }
        // one delete, one line: the outcome below says what happened
        WaitLog quiet = new WaitLog(LogSink.NONE, env.clock());
        CompletableFuture<DeleteOutcome> sent =
                new PollLoop<>(env, new DeleteCall(serviceId, name), quiet, start, deadline).start(Duration.ZERO);
        // a 404 to the DELETE proves nothing on its own (a gateway's, or the answer to a DELETE sent again): confirm
        return sent.thenCompose(outcome -> new PollLoop<>(
                                env, new ConfirmGone(serviceId, name, outcome), quiet, start, confirmBy(deadline))
                        .start(
                                outcome == DeleteOutcome.ALREADY_GONE
                                        ? Duration.ZERO
                                        : env.policy().initial()))
                .handle((outcome, failure) -> {
                    if (failure != null) {
                        String message = messageOf(failure);
                        log.log(Messages.Teardown_failed(name, serviceId, message));
                        return failed(name, serviceId, entry, message);
                    }
                    return gone(name, serviceId, entry, outcome, ledger, log);
                });
    }

    /** A delete accepted just before the deadline still gets a few calls to confirm it (the longest interval). */
    private Instant confirmBy(Instant deadline) {
        Instant least = env.clock().instant().plus(env.policy().max());
        return deadline.isBefore(least) ? least : deadline;
    }

    private TeardownReport.Item gone(
            String name,
            String serviceId,
            LedgerEntry entry,
            TeardownReport.Outcome outcome,
            Ledger ledger,
            LogSink log) {
        Instant now = env.clock().instant();
        if (entry == null) {
            log.log(
                    outcome == TeardownReport.Outcome.ALREADY_GONE
                            ? Messages.Teardown_alreadyGone(name, serviceId)
                            : Messages.Teardown_deletedNoCost(name, serviceId));
            return new TeardownReport.Item(name, serviceId, outcome, null, null, null, null);
        }
        ledger.put(entry.withState(LedgerEntry.State.DELETED, now));
        Duration lifetime = entry.createdAt() == null ? null : Duration.between(entry.createdAt(), now);
        BigDecimal cost = Texts.cost(entry.pricePerHour(), entry.instances(), lifetime);
        if (outcome == TeardownReport.Outcome.ALREADY_GONE) {
            log.log(Messages.Teardown_alreadyGone(name, serviceId));
        } else if (lifetime == null || cost == null) {
            log.log(Messages.Teardown_deletedNoCost(name, serviceId));
        } else {
            log.log(Messages.Teardown_deleted(
                    name, serviceId, Texts.duration(lifetime), Texts.money(cost, entry.paymentType())));
        }
        return new TeardownReport.Item(name, serviceId, outcome, lifetime, cost, entry.paymentType(), null);
    }

    private static TeardownReport.Item failed(String name, String serviceId, LedgerEntry entry, String message) {
        return new TeardownReport.Item(
                name,
                serviceId,
                TeardownReport.Outcome.FAILED,
                null,
                null,
                entry == null ? null : entry.paymentType(),
                message);
    }

    static String messageOf(Throwable failure) {
        Throwable t = PollLoop.unwrap(failure);
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }

    /**
     * What the DELETE and the confirmation share: the endpoint they work on, riding out transient failures (the last
     * one is kept for the timeout message), any other failure ends the wait; no heartbeat lines.
     */
    private abstract static class TeardownPoller<R, T> implements Poller<R, T> {
        final String serviceId;
        final String name;
        volatile String lastFailure = "";

        TeardownPoller(String serviceId, String name) {
            this.serviceId = serviceId;
            this.name = name;
        }

        @Override
        public Optional<Duration> tolerate(Throwable failure) {
            NetMindException e = NetMindException.unwrap(failure);
            if (e == null || !e.isRetryable()) {
                throw new EndpointException(EndpointException.Reason.NETMIND, messageOf(failure), failure);
            }
            lastFailure = e.getMessage();
            return e.retryAfter();
        }

        @Override
        public void heartbeat(Duration waited) {}
    }

    /** DELETE, repeated while NetMind fails transiently. */
    private final class DeleteCall extends TeardownPoller<DeleteOutcome, DeleteOutcome> {

        DeleteCall(String serviceId, String name) {
            super(serviceId, name);
        }

        @Override
        public CompletableFuture<DeleteOutcome> call() {
            return env.client().deleteService(serviceId);
        }

        @Override
        public DeleteOutcome evaluate(DeleteOutcome answer) {
            return answer;
        }

        @Override
        public RuntimeException timedOut() {
            return new EndpointException(
                    EndpointException.Reason.TIMEOUT,
                    Messages.Teardown_deleteTimeout(
                            name, serviceId, Texts.duration(env.teardownTimeout()), lastFailure));
        }
    }

    /**
     * GET until NetMind's JSON 404 or {@code is_deleted}; DELETE is sent again now and then while the endpoint stays
     * alive. The outcome is ALREADY_GONE when the DELETE was answered 404 and the first GET confirms it, else DELETED.
     */
    private final class ConfirmGone extends TeardownPoller<Service, TeardownReport.Outcome> {
        private static final int RESEND_EVERY = 5;
        private volatile String lastStatus = "";
        private volatile boolean alreadyGone;
        private int polls;

        ConfirmGone(String serviceId, String name, DeleteOutcome deleteOutcome) {
            super(serviceId, name);
            this.alreadyGone = deleteOutcome == DeleteOutcome.ALREADY_GONE;
        }

        /** The service, or null when NetMind answers 404. */
        @Override
        public CompletableFuture<Service> call() {
            return env.client().getService(serviceId).handle((service, failure) -> {
                if (failure == null) {
                    return service;
                }
                NetMindException e = NetMindException.unwrap(failure);
                if (e != null && e.kind() == NetMindException.Kind.NOT_FOUND) {
                    return null;
                }
                throw failure instanceof CompletionException ce ? ce : new CompletionException(failure);
            });
        }

        @Override
        public TeardownReport.Outcome evaluate(Service answer) {
            if (answer == null || answer.isGone()) {
                return alreadyGone ? TeardownReport.Outcome.ALREADY_GONE : TeardownReport.Outcome.DELETED;
            }
            alreadyGone = false;
            lastStatus = EndpointStates.statusOf(answer);
            if (++polls % RESEND_EVERY == 0) {
                env.client().deleteService(serviceId);
            }
            return null;
        }

        @Override
        public RuntimeException timedOut() {
            String within = Texts.duration(env.teardownTimeout());
            return new EndpointException(
                    EndpointException.Reason.TIMEOUT,
                    lastStatus.isEmpty()
                            ? Messages.Teardown_notConfirmedFailing(name, serviceId, within, lastFailure)
                            : Messages.Teardown_notConfirmed(name, serviceId, lastStatus, within));
        }
    }
}
