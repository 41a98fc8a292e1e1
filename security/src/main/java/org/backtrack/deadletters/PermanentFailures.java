package org.backtrack.deadletters;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoServerException;
import com.mongodb.bulk.BulkWriteError;
import org.backtrack.events.InvalidEventException;
import org.bson.BsonSerializationException;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Is this a failure that retrying the same record cannot fix? Then the record is dead-lettered at once with the reason
 * instead of blocking its partition forever. Yes for a record that breaks the contract ({@link InvalidEventException},
 * limits included), for a document the database cannot hold (larger than 16 MiB, or not encodable) and for writes the
 * database refuses as invalid. No for everything else (the database or the broker away, a timeout, a lost race): those
 * are retried until they heal, so a valid record is never dead-lettered for a passing fault.
 */
public final class PermanentFailures {

    /** MongoDB error codes of writes that would fail the same way every time. */
    static final Set<Integer> PERMANENT_CODES = Set.of(
            2,      // BadValue
            9,      // FailedToParse
            14,     // TypeMismatch
            52,     // DollarPrefixedFieldName
            55,     // InvalidDBRef
            56,     // EmptyFieldName
            57,     // DottedFieldName
            121,    // DocumentValidationFailure
            10334,  // BSONObjectTooLarge
            17280,  // KeyTooLong
            17419,  // document after update larger than the maximum
            17420); // document to insert larger than the maximum

    private PermanentFailures() {
    }

    public static boolean isPermanent(Throwable failure) {
        Set<Throwable> seen = new HashSet<>();
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            if (t instanceof InvalidEventException || t instanceof BsonSerializationException) {
                return true; // BsonMaximumSizeExceededException included: the driver refuses a document over 16 MiB
            }
            if (t instanceof MongoBulkWriteException bulk) {
                List<BulkWriteError> errors = bulk.getWriteErrors();
                return !errors.isEmpty() && errors.stream().allMatch(e -> PERMANENT_CODES.contains(e.getCode()));
            }
            if (t instanceof MongoServerException server) {
                return PERMANENT_CODES.contains(server.getCode());
            }
        }
        return false;
    }
}
