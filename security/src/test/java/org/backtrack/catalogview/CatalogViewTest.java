package org.backtrack.catalogview;

import org.backtrack.events.CatalogExerciseChanged;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class CatalogViewTest {

    final CatalogView view = new CatalogView();

    static CatalogExerciseChanged exercise(String id, String clinicId, String name, long version) {
        return new CatalogExerciseChanged(id, clinicId, name, "BASIC", "MOBILITY", List.of("LOWER_BACK"), List.of(), List.of(),
                new CatalogExerciseChanged.Dosage(30, 1, 2, false, null, 10), List.of(), List.of(), List.of(), List.of(), List.of(),
                version, false);
    }

    static CatalogExerciseChanged retired(String id, String clinicId, long version) {
        return CatalogExerciseChanged.retirement(id, clinicId, version);
    }

    /** Each exercise's newest version wins: a newer one applies (gaps allowed), a redelivered or older one changes nothing. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "a newer version applies,                            Cat-Cow, 1, 'Cat-Cow, revised', 2, true,  'Cat-Cow, revised'",
            "a redelivered version changes nothing,              Cat-Cow, 2, Cat-Cow,            2, false, Cat-Cow",
            "an older version arriving late is ignored,          Newer,   3, Older,              2, false, Newer",
            "versions may have gaps when a write was overtaken,  First,   1, Third,              3, true,  Third",
    })
    void aVersionAppliesOnlyWhenNewer(String name, String firstName, long first, String laterName, long later, boolean applies,
                                      String shown) {
        assertThat(view.apply(exercise("cat-cow", null, firstName, first))).isTrue();
        assertThat(view.apply(exercise("cat-cow", null, laterName, later))).isEqualTo(applies);
        assertThat(view.builtIn()).extracting(CatalogExerciseChanged::name).containsExactly(shown);
    }

    @Test
    void aRetiredExerciseLeavesTheListsAndAnOlderUpsertCannotBringItBack() {
        view.apply(exercise("wall-angels", null, "Wall Angels", 1));
        assertThat(view.apply(retired("wall-angels", null, 2))).isTrue();
        assertThat(view.apply(exercise("wall-angels", null, "Wall Angels", 1))).isFalse();

        assertThat(view.builtIn()).isEmpty();
        assertThat(view.find("clinic-7", "wall-angels")).get().extracting(CatalogExerciseChanged::retired).isEqualTo(true);
    }

    @Test
    void aRetirementSeenBeforeItsExerciseStillWins() {
        view.apply(retired("clinic-7.neck-roll", "clinic-7", 2));
        view.apply(exercise("clinic-7.neck-roll", "clinic-7", "Neck Roll", 1));
        assertThat(view.listedFor("clinic-7")).isEmpty();
    }

    @Test
    void aClinicSeesBuiltInContentAndItsOwnNeverAnotherClinics() {
        view.apply(exercise("cat-cow", null, "Cat-Cow", 1));
        view.apply(exercise("clinic-7.neck-roll", "clinic-7", "Neck Roll", 1));
        view.apply(exercise("clinic-8.hip-hinge", "clinic-8", "Hip Hinge", 1));

        assertThat(view.listedFor("clinic-7")).extracting(CatalogExerciseChanged::id).containsExactly("cat-cow", "clinic-7.neck-roll");
        assertThat(view.listedFor("clinic-9")).extracting(CatalogExerciseChanged::id).containsExactly("cat-cow");
        assertThat(view.builtIn()).extracting(CatalogExerciseChanged::id).containsExactly("cat-cow");
        assertThat(view.find("clinic-7", "clinic-8.hip-hinge")).isEmpty();
        assertThat(view.find("clinic-8", "clinic-8.hip-hinge")).isPresent();
    }

    @Test
    void anEmptyViewListsNothing() {
        assertThat(view.isEmpty()).isTrue();
        assertThat(view.listedFor("clinic-7")).isEmpty();
        assertThat(view.find("clinic-7", "cat-cow")).isEmpty();
    }

    @Test
    void anyOrderOfAnyRedeliveriesEndsInTheSameView() {
        List<CatalogExerciseChanged> events = new ArrayList<>();
        for (String id : List.of("a", "b", "clinic-7.c")) {
            String clinic = id.startsWith("clinic-7") ? "clinic-7" : null;
            for (long version = 1; version <= 5; version++) {
                events.add(exercise(id, clinic, id + " v" + version, version));
                events.add(exercise(id, clinic, id + " v" + version, version)); // delivered twice
            }
        }
        events.add(retired("b", null, 6));
        Random random = new Random(17);
        for (int round = 0; round < 50; round++) {
            CatalogView shuffled = new CatalogView();
            Collections.shuffle(events, random);
            events.forEach(shuffled::apply);
            assertThat(shuffled.listedFor("clinic-7")).extracting(CatalogExerciseChanged::name)
                    .containsExactly("a v5", "clinic-7.c v5");
        }
    }
}
