package org.backtrack.problems;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemsTest {

    @Test
    void aProblemHasItsStatusTitleAndDetail() {
        var problem = Problems.of(HttpStatus.NOT_FOUND, "Routine not found", "No routine with id r-1");

        assertThat(problem.getStatus()).isEqualTo(404);
        assertThat(problem.getTitle()).isEqualTo("Routine not found");
        assertThat(problem.getDetail()).isEqualTo("No routine with id r-1");
        assertThat(problem.getProperties()).isNull();
    }

    @Test
    void aRequestAtFaultNamesEachField() {
        var problem = Problems.naming(HttpStatus.BAD_REQUEST, "Invalid routine request", "minutes: too long",
                List.of(Problems.fieldError("minutes", "too long")));

        assertThat(problem.getProperties()).containsEntry("errors", List.of(Map.of("field", "minutes", "message", "too long")));
    }

    @Test
    void oneFieldIsNamedInTheDetailToo() {
        var problem = Problems.namingField(HttpStatus.PRECONDITION_REQUIRED, "If-Match required", "If-Match", "is required");

        assertThat(problem.getDetail()).isEqualTo("If-Match: is required");
        assertThat(problem.getProperties()).containsEntry("errors", List.of(Map.of("field", "If-Match", "message", "is required")));
    }

    @Test
    void noFieldsMeansNoErrorsMember() {
        assertThat(Problems.naming(HttpStatus.FORBIDDEN, "Built-in content", "no", List.of()).getProperties()).isNull();
    }
}
