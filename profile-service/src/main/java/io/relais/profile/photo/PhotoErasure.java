package io.relais.profile.photo;

import io.relais.profile.person.ProfileWritten;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * An erased person (SCIM delete) leaves no photo behind: the stored bytes go with the profile. A photo
 * replaced by a new upload is removed by {@link PhotoResource} itself.
 */
@ApplicationScoped
public class PhotoErasure {

    @Inject
    PhotoStore photos;

    void onProfileWritten(@Observes ProfileWritten write) {
        if (write.erased() && write.before().photo != null) {
            photos.delete(write.before().photo.id());
        }
    }
}
