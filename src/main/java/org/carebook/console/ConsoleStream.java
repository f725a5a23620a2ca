package org.carebook.console;

import java.io.IOException;
import java.time.Duration;
import org.carebook.events.LiveEvents;
import org.carebook.kernel.Caller;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-sent events for an open console page: a {@code change} whenever an appointment or hold of the
 * organization (in the page's mode) changes, from any screen, the widget or the API, on any server process.
 * The page then fetches its calendar again. The browser reconnects by itself when the stream ends.
 */
@RestController
class ConsoleStream {

    static final Duration OPEN_FOR = Duration.ofMinutes(30);

    private final LiveEvents live;

    ConsoleStream(LiveEvents live) {
        this.live = live;
    }

    @GetMapping(
            value = {"/console/stream", "/console/test/stream"},
            produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(Caller caller) throws IOException {
        var emitter = new SseEmitter(OPEN_FOR.toMillis());
        var listening = new java.util.concurrent.atomic.AtomicReference<AutoCloseable>();
        Runnable stop = () -> close(listening.get());
        listening.set(live.listen(caller.tenant(), notice -> {
            if (notice.type().startsWith("appointment.") || notice.type().startsWith("hold.")) {
                send(emitter, notice.type(), stop);
            }
        }));
        emitter.onCompletion(stop);
        emitter.onTimeout(stop);
        emitter.onError(e -> stop.run());
        emitter.send(SseEmitter.event().comment("listening"));
        return emitter;
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
