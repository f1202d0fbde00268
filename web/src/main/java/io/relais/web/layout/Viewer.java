package io.relais.web.layout;

import io.quarkus.qute.TemplateData;

/** What templates know about the person looking at the page. */
@TemplateData
public record Viewer(boolean loggedIn, String login, String iri, String displayName, boolean communityManager,
                     boolean admin) {

    static final Viewer ANONYMOUS = new Viewer(false, null, null, null, false, false);
}
