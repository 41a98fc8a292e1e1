package org.backtrack.progress.catalog;

import org.backtrack.catalogview.CatalogView;
import org.backtrack.catalogview.CatalogViewConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** progress-service's catalog: the shared catalog view, fed by {@code backtrack.catalog}. */
@Configuration(proxyBeanMethods = false)
@Import(CatalogViewConfiguration.class)
class CatalogConfiguration {

    @Bean
    CatalogSnapshot catalogSnapshot(CatalogView view) {
        return new CatalogSnapshot(view);
    }
}
