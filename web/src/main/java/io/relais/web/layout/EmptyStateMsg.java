package io.relais.web.layout;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * What a page says when there is nothing to show ({@code empty:} in templates, {@link Pages#empty()} in code): an
 * address no page answers, a hashtag no post carries yet. French in {@code messages/empty_fr.properties}. A bundle of its own because {@link Msg}
 * is at the size (300 messages) past which Quarkus splits a bundle's generated code, which then fails to verify.
 */
@MessageBundle("empty")
public interface EmptyStateMsg {
    @Message("Page not found") String pageNotFound();
    @Message("There is no page at this address. It may have moved, or the link may be mistyped.") String noSuchPage();
    @Message("No posts with #{tag} yet.") String noHashtagPosts(String tag);
}
