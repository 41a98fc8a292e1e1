package org.backtrack.progress.programs;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.backtrack.deadletters.DeadLetterPublisher;
import org.backtrack.events.CloudEvent;
import org.backtrack.events.ProgramChanged;
import org.backtrack.events.ProgramEventCodec;
import org.backtrack.events.Topics;
import org.backtrack.progress.programs.rules.ProgramEventOrigin;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.List;

/**
 * progress-service's consumer of {@code backtrack.programs} for the program history: its own group
 * ({@code backtrack.programs.group-id}, default {@value #GROUP}), so neither the session consumer nor the webhook feed
 * waits for it. Each poll is read in order with the contract's codec and {@link ProgramEventOrigin}; the changes are
 * applied per patient at the end ({@link ProgramHistories}, newer versions only). A record that breaks the contract or
 * does not come from routine-service for the patient it names is dead-lettered to {@code backtrack.programs-dlt} with
 * the reason, by BackTrack's one dead-letter step ({@link DeadLetterPublisher#forEachOrDeadLetter}), and the rest go on.
 * Other program event types are passed over.
 */
@Component
class ProgramHistoryListener {

    static final String GROUP = "progress-service-programs";

    private final ProgramHistories histories;
    private final ProgramEventCodec codec;
    private final DeadLetterPublisher deadLetters;

    /** Parsed with the service's JSON mapper, whose limits bound what a hostile record can make the parser do. */
    ProgramHistoryListener(ProgramHistories histories, JsonMapper json, DeadLetterPublisher deadLetters) {
        this.histories = histories;
        this.codec = new ProgramEventCodec(json);
        this.deadLetters = deadLetters;
    }

    @KafkaListener(topics = Topics.PROGRAMS, groupId = "${backtrack.programs.group-id:" + GROUP + "}", batch = "true")
    void onPrograms(List<ConsumerRecord<String, byte[]>> records, Consumer<?, ?> consumer) {
        List<CloudEvent<ProgramChanged>> changes = new ArrayList<>(records.size());
        deadLetters.forEachOrDeadLetter(records, consumer, record -> codec.decode(record.value()).ifPresent(event -> {
            ProgramEventOrigin.require(event, record.key());
            changes.add(event);
        }), () -> histories.apply(changes));
    }
}
