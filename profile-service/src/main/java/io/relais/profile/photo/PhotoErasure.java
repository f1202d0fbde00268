package io.relais.profile.photo;

import io.relais.profile.person.ProfileWritten;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * An erased person (an administrator's erasure, SCIM delete) leaves no photo behind: the stored bytes go with the
 * profile, and so does every other photo stored under their login (an upload whose profile write never happened: a
 * crash in between, a concurrent upload that lost). A photo replaced by a new upload is removed by {@link PhotoResource}
 * itself.
 */
@ApplicationScoped
public class PhotoErasure {

    @Inject
    PhotoStore photos;

    void onProfileWritten(@Observes ProfileWritten write) {
        if (!write.erased()) return;
        if (write.before().photo != null) photos.delete(write.before().photo.id());
        photos.deleteAllOf(write.login());
    }
}
