package io.relais.web;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "relais.web")
public interface WebConfig {

    /** Items per feed page (infinite scroll loads the next page when the last card is revealed). */
    @WithDefault("15")
    int pageSize();
}
