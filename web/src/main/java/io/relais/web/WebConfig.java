package io.relais.web;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "relais.web")
public interface WebConfig {

    /** Items per feed page (infinite scroll loads the next page when the last card is revealed). */
    @WithDefault("15")
    int pageSize();

    /**
     * The key of the synchronizer tokens (HMAC-SHA256, see {@code SessionToken}); every instance of the web app
     * must share it. Set a real one outside a laptop ({@code RELAIS_WEB_FORGERY_SECRET}).
     */
    String forgerySecret();
}
