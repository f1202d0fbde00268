package io.relais.feed.announcement;

import io.relais.events.Viewer;
import io.relais.feed.post.PostView;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** Organisation-wide announcements pinned on every home feed until dismissed or expired. */
@ApplicationScoped
public class AnnouncementService {

    /** Active announcements the person has not dismissed, newest first. */
    public List<PostView> activeFor(Viewer viewer, String personIri) {
        return List.of();
    }
}
