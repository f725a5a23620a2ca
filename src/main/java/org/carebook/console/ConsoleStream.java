package org.carebook.console;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.carebook.events.LiveEvents;
import org.carebook.kernel.Caller;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-sent events for an open console page: a {@code change} whenever an appointment or hold of the
 * organization (in the page's mode) changes, from any screen, the widget or the API, on any server process.
 * The page then fetches its calendar again. The browser reconnects by itself when the stream ends. A page
 * passes the time it was rendered ({@code shown}, epoch milliseconds), so a change made before its stream
 * opened is told as soon as it does.
 */
@RestController
class ConsoleStream {

    static final Duration OPEN_FOR = Duration.ofMinutes(30);

    /** How far back a stream looks for what its page missed; an older page refreshes each minute anyway. */
    static final Duration CATCH_UP = Duration.ofMinutes(2);

    private final LiveEvents live;
    private final Clock clock;
    private final Set<SseEmitter> open = ConcurrentHashMap.newKeySet();

    ConsoleStream(LiveEvents live, Clock clock) {
        this.live = live;
        this.clock = clock;
    }

    @GetMapping(
            value = {"/console/stream", "/console/test/stream"},
            produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(Caller caller, @RequestParam(required = false) Long shown) throws IOException {
        Instant shownAt = shownAt(shown);
        var emitter = new SseEmitter(OPEN_FOR.toMillis());
        var listening = new java.util.concurrent.atomic.AtomicReference<AutoCloseable>();
        Runnable stop = () -> close(listening.get());
        listening.set(live.listen(
                caller.tenant(),
                shownAt,
                notice -> notice.type().startsWith("appointment.")
                        || notice.type().startsWith("hold."),
                notice -> send(emitter, notice.type(), stop)));
        open.add(emitter);
        emitter.onCompletion(() -> {
            open.remove(emitter);
            stop.run();
        });
        emitter.onTimeout(stop);
        emitter.onError(e -> stop.run());
        emitter.send(SseEmitter.event().comment("listening"));
        return emitter;
    }

    /**
     * A stopping server ends its streams first, so the graceful shutdown does not wait for pages that would
     * never finish; each browser reconnects, to another process if there is one.
     */
    @EventListener(ContextClosedEvent.class)
    void endStreams() {
        open.forEach(SseEmitter::complete);
    }

    /** When the page was rendered, kept within the last {@link #CATCH_UP}; without it, now. */
    private Instant shownAt(Long shown) {
        Instant now = clock.instant();
        if (shown == null) {
            return now;
        }
        long earliest = now.minus(CATCH_UP).toEpochMilli();
        return Instant.ofEpochMilli(Math.max(earliest, Math.min(shown, now.toEpochMilli())));
    }

    /** A page that has gone away stops listening; there is nobody left to tell. */
    private static void send(SseEmitter emitter, String type, Runnable stop) {
        try {
            emitter.send(SseEmitter.event().name("change").data(type));
        } catch (IOException | IllegalStateException e) {
            stop.run();
        }
    }

    private static void close(AutoCloseable listening) {
        try {
            if (listening != null) {
                listening.close();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
