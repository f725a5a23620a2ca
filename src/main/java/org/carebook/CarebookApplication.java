package org.carebook;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class CarebookApplication {

    @Bean
    static UnknownSettings unknownSettings(ConfigurableEnvironment environment) {
        return new UnknownSettings(environment);
    }

    public static void main(String[] args) {
        SpringApplication.run(CarebookApplication.class, args);
    }
}
