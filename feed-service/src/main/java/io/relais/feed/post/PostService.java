package io.relais.feed.post;

import io.relais.events.Viewer;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;

/** Posts and business-event cards: writing them, and reading them hydrated for a viewer. */
@ApplicationScoped
public class PostService {

    /** Only the posts the viewer may see, in the given order, hydrated; deleted ones are left out. */
    public List<PostView> views(List<String> postIris, Viewer viewer) {
        return List.of();
    }

    public Optional<PostView> view(String postIri, Viewer viewer) {
        List<PostView> one = views(List.of(postIri), viewer);
        return one.isEmpty() ? Optional.empty() : Optional.of(one.get(0));
    }
}
