package org.carebook;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Every module reads its own {@code CAREBOOK_*} settings (a record under the {@code carebook} prefix); a
 * setting no module reads stops start-up before anything starts, so a typo in a deployment never
 * silently falls back to a default.
 */
final class UnknownSettings implements BeanFactoryPostProcessor {

    private static final String PREFIX = "carebook";

    private final ConfigurableEnvironment environment;

    UnknownSettings(ConfigurableEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        var known = known(beanFactory);
        var unknown = new TreeSet<String>();
        for (var source : ConfigurationPropertySources.get(environment)) {
            if (source instanceof IterableConfigurationPropertySource iterable) {
                iterable.stream()
                        .filter(name -> name.getNumberOfElements() > 1
                                && name.getElement(0, ConfigurationPropertyName.Form.UNIFORM)
                                        .equals(PREFIX))
                        .filter(name -> !known.contains(squash(name.toString().substring(PREFIX.length() + 1))))
                        .map(name -> name + " ("
                                + name.toString().toUpperCase(Locale.ROOT).replaceAll("[.-]", "_") + ")")
                        .forEach(unknown::add);
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalStateException("Unknown settings " + unknown + ": no part of Carebook reads them "
                    + "(the README lists every CAREBOOK_ setting)");
        }
    }

    /** The settings the modules' records read, squashed so that env-var and property spellings compare equal. */
    private static Set<String> known(ConfigurableListableBeanFactory beanFactory) {
        var known = new HashSet<String>();
        for (String name : beanFactory.getBeanDefinitionNames()) {
            Class<?> type = beanFactory.getType(name, false);
            var settings = type == null ? null : type.getAnnotation(ConfigurationProperties.class);
            if (settings != null && PREFIX.equals(settings.prefix()) && type.isRecord()) {
                for (var component : type.getRecordComponents()) {
                    known.add(squash(component.getName()));
                }
            }
        }
        return known;
    }

    /** {@code hold-ttl}, {@code hold.ttl}, {@code holdTtl} and {@code trusted-proxies[0]} by their letters alone. */
    private static String squash(String name) {
        return name.replaceAll("\\[.*", "").replaceAll("[^A-Za-z0-9]", "").toLowerCase(Locale.ROOT);
    }
}
