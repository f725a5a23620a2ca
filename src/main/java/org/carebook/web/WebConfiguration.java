package org.carebook.web;

import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.ContentNegotiationConfigurer;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new CallerArgumentResolver());
    }

    /** The widget script is loaded by clinics' own pages, so any origin may fetch it (module scripts use CORS). */
    @Override
    public void addCorsMappings(CorsRegistry registry) {
        registry.addMapping("/widget/**").allowedOrigins("*").allowedMethods("GET", "HEAD");
    }

    /**
     * The API always answers JSON; an Accept header asking for HTML must not turn errors into 406s. The
     * console's event stream is the one handler that produces something else.
     */
    @Override
    public void configureContentNegotiation(ContentNegotiationConfigurer configurer) {
        configurer.ignoreAcceptHeader(true).defaultContentType(MediaType.APPLICATION_JSON, MediaType.TEXT_EVENT_STREAM);
    }
}
