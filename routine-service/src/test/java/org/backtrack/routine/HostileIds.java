package org.backtrack.routine;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.backtrack.testsupport.EmbeddedMongo;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.util.List;

/**
 * Identifiers a hostile or broken client sends: regular-expression and query metacharacters, the key separator,
 * a backslash, a NUL byte and sheer length. None obeys {@link org.backtrack.events.Identifiers}, so each must be
 * refused at the edge (400 naming the field) and, should one reach a repository, must find nothing.
 */
public final class HostileIds {

    public static final List<String> VALUES = List.of(
            "x|", ".*", "(?:a|b)", "[", "\\", "a/b", "a\u0000b", "$gt", "a".repeat(1024));

    private static MongoClient client;

    private HostileIds() {
    }

    public static List<String> values() {
        return VALUES;
    }

    /** A template on the embedded MongoDB-wire server, for repository tests that need no Spring context. */
    public static synchronized MongoTemplate repositoryMongo() {
        if (client == null) {
            client = MongoClients.create(EmbeddedMongo.connectionString());
        }
        return new MongoTemplate(client, "routine-repository-tests");
    }
}
