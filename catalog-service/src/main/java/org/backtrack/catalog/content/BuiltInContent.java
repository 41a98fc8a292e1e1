package org.backtrack.catalog.content;

import org.backtrack.catalog.model.Exercise;
import org.backtrack.catalog.publication.CatalogEvents;
import org.backtrack.catalog.rules.ContentGraph;
import org.backtrack.catalog.storage.Exercises;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Loads the versioned content file at start. Idempotent: an entry is written only as {@link BuiltInUpgrade} decides
 * (missing, or based on an older content version than the file's {@code contentVersion}); an administrator's edit of
 * the current content and clinic-made exercises are never touched. The events of what was written are delivered by
 * the outbox, so a broker that is away delays them without delaying the start.
 */
@Component
public class BuiltInContent implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(BuiltInContent.class);

    public record ContentFile(int contentVersion, List<Exercise> exercises) {
    }

    private final Resource content;
    private final JsonMapper json;
    private final Exercises exercises;
    private final CatalogEvents events;
    private final Clock clock = Clock.systemUTC();

    BuiltInContent(@Value("${backtrack.catalog.content}") Resource content, JsonMapper json, Exercises exercises,
                   CatalogEvents events) {
        this.content = content;
        this.json = json;
        this.exercises = exercises;
        this.events = events;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        ContentFile file;
        try (InputStream in = content.getInputStream()) {
            file = json.readValue(in, ContentFile.class);
        }
        List<String> problems = ContentGraph.problems(file.exercises());
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Catalog content " + content + " is inconsistent: " + problems);
        }
        Instant now = clock.instant();
        int adopted = exercises.adoptLegacyPendingFlags(now);
        if (adopted > 0) {
            log.info("{} catalog event(s) owed from before the outbox are now relayed", adopted);
        }
        int written = 0;
        for (Exercise entry : file.exercises()) {
            Exercise versioned = new Exercise(entry.id(), null, entry.name(), entry.stage(), entry.kind(), entry.regions(),
                    entry.equipment(), entry.timeOfDay(), entry.dosage(), null, entry.summary(), entry.steps(), entry.cues(),
                    entry.cautions(), entry.stopIf(), entry.contraindications(), entry.progressions(), entry.regressions(),
                    file.contentVersion(), 1, false, null, null, null).withDerivedDuration();
            if (exercises.upsertBuiltIn(versioned, now).isPresent()) {
                written++;
            }
        }
        log.info("Built-in catalog content version {}: {} of {} entries written", file.contentVersion(), written,
                file.exercises().size());
        events.deliverOwed();
    }
}
