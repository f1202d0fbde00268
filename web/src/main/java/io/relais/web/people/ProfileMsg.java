package io.relais.web.people;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The profile edit form's sentences for what profile-service refused ({@code prof:} in templates, {@link ProfileForm}
 * in code), in English; French in {@code messages/prof_fr.properties}. A bundle of its own because {@code Msg} is at
 * the size past which Quarkus splits a bundle's generated code, which then fails to verify.
 */
@MessageBundle("prof")
public interface ProfileMsg {
    @Message("Your profile was not saved: correct the marked fields.") String profileNotSaved();
    @Message("At most {max} characters.") String profileTooLong(int max);
    @Message("At most {max} entries.") String profileTooManyEntries(int max);
    @Message("Each entry is {min} to {max} characters.") String profileEntryLength(int min, int max);
    @Message("A phone number holds only digits, spaces and + ( ) . - /.") String profilePhoneFormat();
    @Message("This photo is too large: at most {mb} MB.") String profilePhotoTooLarge(long mb);
    @Message("This value was refused: check it and try again.") String profileFieldRefused();
    @Message("“{entry}” is not a language profiles know: untick it and tick the language in the list.") String profileLanguageUnknown(String entry);
    @Message("Other languages") String otherLanguages();
}
