package io.relais.feed.notification;

import io.relais.feed.profile.PersonSummary;
import io.relais.feed.profile.ProfileDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Stored notifications to API shapes, with the actors' display data (one keyed read for a page). */
@ApplicationScoped
public class NotificationViews {

    @Inject
    ProfileDirectory profiles;

    public List<NotificationView> of(List<Notification> notifications) {
        Set<String> actors = new LinkedHashSet<>();
        notifications.forEach(n -> actors.add(n.actor()));
        Map<String, PersonSummary> display = profiles.displaysOf(actors);
        List<NotificationView> out = new ArrayList<>();
        for (Notification n : notifications) {
            PersonSummary actor = display.get(n.actor());
            out.add(new NotificationView(n.id(), n.kind(), actor != null ? actor : profiles.displayOf(n.actor()),
                    n.object(), n.post(), n.community(), n.detail(), Instant.ofEpochMilli(n.time()), n.read()));
        }
        return out;
    }

    public NotificationView of(Notification n) {
        return of(List.of(n)).get(0);
    }
}
