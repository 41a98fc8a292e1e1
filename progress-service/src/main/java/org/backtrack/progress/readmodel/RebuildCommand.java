package org.backtrack.progress.readmodel;

import org.backtrack.progress.ProgressServiceApplication;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/** Runs the rebuild when the service is started with the {@code rebuild} argument, then exits. */
@Component
@RequiredArgsConstructor
class RebuildCommand implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(RebuildCommand.class);

    private final ReadModelRebuild rebuild;
    private final ConfigurableApplicationContext context;

    @Override
    public void run(ApplicationArguments args) {
        if (!args.getNonOptionArgs().contains(ProgressServiceApplication.REBUILD_COMMAND)) {
            return;
        }
        long started = System.nanoTime();
        int patients = rebuild.rebuildAll();
        log.info("Rebuilt the read models of {} patients in {} ms", patients, (System.nanoTime() - started) / 1_000_000);
        System.exit(SpringApplication.exit(context, () -> 0));
    }
}
