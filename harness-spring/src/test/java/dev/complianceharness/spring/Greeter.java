package dev.complianceharness.spring;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import org.springframework.core.task.AsyncTaskExecutor;

/** The application under test: greets customers through a gateway, holding late greetings until morning unless told not to. */
public class Greeter {

    /** The application's gateway; production sends for real. */
    public interface Gateway {
        void send(String recipient);
    }

    private final Clock clock;
    private final Gateway gateway;
    private final boolean holdLateGreetings;
    private final AsyncTaskExecutor executor;
    private final List<String> held = new ArrayList<>();

    public Greeter(Clock clock, Gateway gateway, boolean holdLateGreetings, AsyncTaskExecutor executor) {
        this.clock = clock;
        this.gateway = gateway;
        this.holdLateGreetings = holdLateGreetings;
        this.executor = executor;
    }

    public synchronized void greet(String recipient) {
        int hour = clock.instant().atZone(ZoneOffset.UTC).getHour();
        if (holdLateGreetings && (hour < 8 || hour >= 21)) {
            held.add(recipient);
        } else {
            gateway.send(recipient);
        }
    }

    public synchronized void sendHeld() {
        new ArrayList<>(held).forEach(this::greet);
        held.clear();
    }

    public Future<?> greetInBackground(String recipient) {
        return executor.submit(() -> greet(recipient));
    }

    public Clock clock() {
        return clock;
    }
}
