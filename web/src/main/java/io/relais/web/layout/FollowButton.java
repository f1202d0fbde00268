package io.relais.web.layout;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;

/**
 * Every Follow / Unfollow button (a colleague's profile, a community, a hashtag, each line of "Following"): one form,
 * {@code layout/follow.html}, that replaces itself under htmx. The reactions' feedback (commit 0b2f436): the button
 * keeps its id in both states, so htmx gives the focus back to the pressed button after the swap instead of dropping
 * it on {@code <body>}, and the answer says what happened in the status region ({@code #flash}, {@code feed/done}).
 * Without htmx (no script) the form posts and the browser is sent back to the page (303), as before.
 */
@RequestScoped
public class FollowButton {

    /**
     * One follow form, as the page shows it and as it comes back.
     *
     * @param action    where it posts (the page's own follow route)
     * @param kind      {@code person}, {@code community} or {@code hashtag} when the route takes it as a field ("Following"), else null
     * @param id        the login, slug or tag sent with {@code kind}, else null
     * @param following whether the reader follows it (the button then unfollows)
     * @param buttonId  the button's id, the same in both states (htmx refocuses it)
     * @param what      the name the button speaks ("Unfollow Carol Petit") where the page around does not say it, else null
     * @param state     whether the "Following ✓" chip is shown next to the button (the pages of one person, community, hashtag)
     * @param quiet     whether Follow is a plain button rather than the page's primary one
     */
    @TemplateData
    public record Form(String action, String kind, String id, boolean following, String buttonId, String what,
                       boolean state, boolean quiet) {

        /** The button of a page about one thing (a person, a community, a hashtag): id {@code follow-button}, with its chip. */
        public static Form onPage(String action, boolean following, boolean quiet) {
            return new Form(action, null, null, following, "follow-button", null, true, quiet);
        }

        /**
         * A line of "Following" ({@code POST /following} with kind and id); its button, {@code unfollow-<kind>-<id>},
         * keeps that id once it offers to follow again, and speaks the name ("Unfollow Carol Petit").
         */
        public static Form listed(String kind, String id, String name) {
            return new Form("/following", kind, id, true, "unfollow-" + kind + "-" + id, name, false, true);
        }

        /** The same button, the reader following it ({@code now}) or not. */
        public Form withFollowing(boolean now) {
            return new Form(action, kind, id, now, buttonId, what, state, quiet);
        }
    }

    @Inject
    Pages pages;

    @Inject
    @Location("layout/follow.html")
    Template follow;

    /**
     * The answer to a follow form that was applied: under htmx ({@code htmx} non-null), {@code now} (the form in its new
     * state) and "You follow Carol Petit." / "You no longer follow Carol Petit." in {@code #flash}; otherwise a 303 to
     * {@code back}.
     *
     * @param name what was followed or unfollowed, for the sentence ("Carol Petit", "Design guild", "#kafka")
     */
    public Response answer(String htmx, Form now, String name, URI back) {
        if (htmx == null) {
            return Response.seeOther(back).build();
        }
        StatusMsg words = io.quarkus.qute.i18n.MessageBundles.get(StatusMsg.class,
                io.quarkus.qute.i18n.Localized.Literal.of(pages.locale().getLanguage()));
        String done = now.following() ? words.followed(name) : words.unfollowed(name);
        return Response.ok(pages.of(follow).data("f", now).data("done", done).render(),
                MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
    }
}
