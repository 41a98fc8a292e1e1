package org.backtrack.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bson.Document;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The raw pipeline progress-service is compared with: a plain KafkaConsumer that parses each event and writes it
 * with unordered MongoDB bulk writes (the session upserted by id, a per-patient counter), committing offsets
 * after each poll. No validation, no ownership check, no read model, no publication: the ceiling for this work
 * on this broker and this database server.
 */
public final class RawBaseline {

    static final String DATABASE = "bench_raw_baseline";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private RawBaseline() {
    }

    /**
     * Consumes the given offset range of {@code backtrack.sessions} (the same records progress-service consumed).
     *
     * @return events per second
     */
    public static double run(String bootstrapServers, String mongoUri, Map<TopicPartition, Long> from,
                             Map<TopicPartition, Long> to) {
        long total = to.entrySet().stream().mapToLong(e -> e.getValue() - from.getOrDefault(e.getKey(), 0L)).sum();
        try (MongoClient mongo = MongoClients.create(mongoUri);
             var consumer = new KafkaConsumer<>(Map.<String, Object>of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                     ConsumerConfig.GROUP_ID_CONFIG, "bench-raw-baseline", ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                     ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500), new StringDeserializer(), new ByteArrayDeserializer())) {
            MongoCollection<Document> sessions = mongo.getDatabase(DATABASE).getCollection("sessions");
            MongoCollection<Document> patients = mongo.getDatabase(DATABASE).getCollection("patients");
            consumer.assign(List.copyOf(to.keySet()));
            from.forEach(consumer::seek);
            long consumed = 0;
            long start = System.nanoTime();
            while (consumed < total) {
                List<WriteModel<Document>> sessionWrites = new ArrayList<>();
                List<WriteModel<Document>> patientWrites = new ArrayList<>();
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    if (record.offset() >= to.get(partition)) {
                        continue;
                    }
                    consumed++;
                    JsonNode data = JSON.readTree(record.value()).path("data");
                    if (data.isMissingNode()) {
                        continue;
                    }
                    String sessionId = data.path("sessionId").asString();
                    String patientId = data.path("patientId").asString();
                    Document session = new Document("_id", sessionId).append("patientId", patientId)
                            .append("completedAt", data.path("completedAt").asString())
                            .append("painBefore", data.path("painBefore").asInt()).append("painAfter", data.path("painAfter").asInt());
                    sessionWrites.add(new ReplaceOneModel<>(Filters.eq("_id", sessionId), session, new ReplaceOptions().upsert(true)));
                    patientWrites.add(new UpdateOneModel<>(Filters.eq("_id", patientId), Updates.combine(
                            Updates.inc("sessions", 1), Updates.max("latestCompletedAt", data.path("completedAt").asString())),
                            new UpdateOptions().upsert(true)));
                }
                if (!sessionWrites.isEmpty()) {
                    sessions.bulkWrite(sessionWrites, new BulkWriteOptions().ordered(false));
                    patients.bulkWrite(patientWrites, new BulkWriteOptions().ordered(false));
                }
                consumer.commitSync();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            mongo.getDatabase(DATABASE).drop();
            return total / seconds;
        }
    }
}
