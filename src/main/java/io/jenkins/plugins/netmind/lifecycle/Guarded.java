package io.jenkins.plugins.netmind.lifecycle;

import java.util.List;
import java.util.Optional;

/**
 * Wrappers that keep a failing log or ledger from stopping the engine halfway (a cleanup that throws would leave a
 * paid endpoint behind): a log line that cannot be written is dropped, a ledger write that fails is reported in the
 * log and the lifecycle goes on, except the intent: what cannot be recorded is not created. An entry that cannot be read
 * is treated as absent (reported in the log), so a cleanup still deletes what it knows by service id.
 */
final class Guarded {

    private Guarded() {}

    static LogSink log(LogSink sink) {
        if (sink instanceof SafeLog) {
            return sink;
        }
        return new SafeLog(sink);
    }

    static Ledger ledger(Ledger ledger, LogSink log) {
        if (ledger instanceof SafeLedger) {
            return ledger;
        }
        return new SafeLedger(ledger, log(log));
    }

    private record SafeLog(LogSink sink) implements LogSink {
        @Override
        public void log(String line) {
            try {
                sink.log(line);
            } catch (RuntimeException e) {
                // the build log is gone (e.g. the build ended): the lifecycle must still finish its cleanup
            }
        }
    }

    private record SafeLedger(Ledger ledger, LogSink log) implements Ledger {
        @Override
        public void put(LedgerEntry entry) {
            try {
                ledger.put(entry);
            } catch (RuntimeException e) {
                if (entry.state() == LedgerEntry.State.INTENT) {
                    // nothing exists yet: better not to create what could not be recorded
                    throw new EndpointException(
                            EndpointException.Reason.INVALID_SPEC,
                            Messages.Ledger_intentFailed(entry.name(), Teardowns.messageOf(e)),
                            e);
                }
                log.log(Messages.Ledger_putFailed(entry.name(), entry.state(), Teardowns.messageOf(e)));
            }
        }

        /**
         * The atomic check and write; when it throws, the plain write is tried (a ledger that cannot be read counts as
         * empty, as everywhere), and only an intent that cannot be written stops the deploy.
         */
        @Override
        public Optional<LedgerEntry> putIntent(LedgerEntry intent) {
            try {
                return ledger.putIntent(intent);
            } catch (RuntimeException e) {
                put(intent);
                log.log(Messages.Ledger_readFailed(intent.name(), Teardowns.messageOf(e)));
                return Optional.empty();
            }
        }

        /** An entry that cannot be read counts as unknown: the cleanup still deletes by service id. */
        @Override
        public Optional<LedgerEntry> get(String name) {
            try {
                return ledger.get(name);
            } catch (RuntimeException e) {
                log.log(Messages.Ledger_readFailed(name, Teardowns.messageOf(e)));
                return Optional.empty();
            }
        }

        @Override
        public List<LedgerEntry> entries() {
            return ledger.entries();
        }

        @Override
        public Optional<LedgerEntry> findByServiceId(String serviceId) {
            try {
                return ledger.findByServiceId(serviceId);
            } catch (RuntimeException e) {
                log.log(Messages.Ledger_readFailed(serviceId, Teardowns.messageOf(e)));
                return Optional.empty();
            }
        }
    }
}
