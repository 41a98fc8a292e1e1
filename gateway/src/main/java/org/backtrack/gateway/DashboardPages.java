package org.backtrack.gateway;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.List;

/**
 * The dashboard's pages, each at the address it had as a static file ({@code /} is the overview). They are Mustache
 * templates ({@code src/main/resources/templates}) sharing one layout, {@code page.mustache}: head, skip link, header
 * and the shared script. Their scripts and stylesheets stay static files; sign-in and the security headers apply
 * as to every other path ({@link GatewaySecurity}).
 */
@Configuration(proxyBeanMethods = false)
class DashboardPages implements WebMvcConfigurer {

    /** The templates, each served as {@code /<name>.html}. */
    static final List<String> PAGES = List.of("index", "monitoring", "outcomes", "patient", "my-routine");

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addViewController("/").setViewName("index");
        PAGES.forEach(page -> registry.addViewController("/" + page + ".html").setViewName(page));
    }
}
