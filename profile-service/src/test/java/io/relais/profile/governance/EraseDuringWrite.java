package io.relais.profile.governance;

import io.relais.events.Iri;
import io.relais.profile.person.ProfileWritten;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Makes the race between a profile write and an erasure happen at a chosen point, without sleeps: once armed for a
 * login, the next write of that profile that reaches the store (an HR event being applied, an edit) runs the whole
 * administrator's erasure of that person in the writer's thread, after the write is stored and before its snapshot
 * is published. Disarmed by default and after one use, so no other test sees it.
 */
@ApplicationScoped
public class EraseDuringWrite {

    private final AtomicReference<String> armed = new AtomicReference<>();

    @Inject
    Erasures erasures;

    /** The next stored write of {@code login}'s profile is interleaved with their erasure. */
    public void arm(String login) {
        armed.set(login);
    }

    void onWritten(@Observes ProfileWritten write) {
        String login = armed.get();
        // compareAndSet compares references: the armed String itself, once
        if (write.after() != null && write.login().equals(login) && armed.compareAndSet(login, null)) {
            erasures.erase(write.login(), Iri.person("carol"));
        }
    }
}
