package io.relais.web.layout;

import io.quarkus.qute.TemplateData;

/** What templates know about the person looking at the page. */
@TemplateData
public record Viewer(boolean loggedIn, String login, String iri, String displayName, boolean communityManager,
                     boolean admin, boolean hasPhoto) {

    static final Viewer ANONYMOUS = new Viewer(false, null, null, null, false, false, false);

    /** A viewer without an HR photo (the header shows their initials). */
    public Viewer(boolean loggedIn, String login, String iri, String displayName, boolean communityManager, boolean admin) {
        this(loggedIn, login, iri, displayName, communityManager, admin, false);
    }
}
