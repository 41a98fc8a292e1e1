package org.backtrack.problems;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An error answer particular to one operation (a 409, 412, 428, 503...), documented by {@link ProblemsInOpenApi} as
 * a problem document next to the ones every operation of its kind has. Unlike springdoc's {@code @ApiResponse} it
 * leaves the success answers springdoc derives from the method in place.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Repeatable(ErrorAnswer.List.class)
public @interface ErrorAnswer {

    /** The HTTP status. */
    int status();

    /** When the operation answers it. */
    String when();

    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @interface List {
        ErrorAnswer[] value();
    }
}
