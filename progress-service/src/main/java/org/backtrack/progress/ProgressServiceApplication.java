package org.backtrack.progress;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

import java.util.Arrays;
import java.util.Map;

@SpringBootApplication
@EnableScheduling
public class ProgressServiceApplication {

    /** {@code java -jar progress-service.jar rebuild}: recompute every read model from the raw sessions, then exit. */
    public static final String REBUILD_COMMAND = "rebuild";

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(ProgressServiceApplication.class);
        if (Arrays.asList(args).contains(REBUILD_COMMAND)) {
            // no consumer and no web server while the read models are rewritten
            application.setWebApplicationType(WebApplicationType.NONE);
            application.setDefaultProperties(Map.of("spring.kafka.listener.auto-startup", "false"));
        }
        application.run(args);
    }
}
