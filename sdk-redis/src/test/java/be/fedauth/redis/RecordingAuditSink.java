package be.fedauth.redis;

import be.fedauth.core.spi.AuditEvent;
import be.fedauth.core.spi.AuditSink;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps every event, for assertions. Thread-safe. */
final class RecordingAuditSink implements AuditSink {
    private final List<AuditEvent> events = new CopyOnWriteArrayList<>();

    @Override
    public void record(AuditEvent event) {
        events.add(event);
    }

    List<AuditEvent> events() {
        return List.copyOf(events);
    }

    List<String> types() {
        return events.stream().map(AuditEvent::type).toList();
    }
}
