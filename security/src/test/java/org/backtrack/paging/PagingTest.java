package org.backtrack.paging;

import org.backtrack.problems.InvalidParameterException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PagingTest {

    @Test
    void aCursorComesBackAsItWasHandedOut() {
        Instant at = Instant.parse("2026-11-20T07:31:00.123Z");
        String token = Paging.Cursor.of(at, "patient-42", 3).encode();

        Paging.Cursor cursor = Paging.Cursor.decode("cursor", token, 3).orElseThrow();

        assertThat(token).matches("[A-Za-z0-9_-]+");
        assertThat(cursor.instant("cursor", 0)).isEqualTo(at);
        assertThat(cursor.identifier("cursor", 1)).isEqualTo("patient-42");
        assertThat(cursor.integer("cursor", 2, 0, 5)).isEqualTo(3);
        assertThat(Paging.Cursor.decode("cursor", null, 3)).isEmpty();
        assertThat(Paging.Cursor.decode("cursor", "", 3)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"not base64!", "MS9h", "x", "MjAyNi8xLzI", "AAAA"})
    void anythingElseIsA400NamingTheField(String token) {
        assertThatThrownBy(() -> Paging.Cursor.decode("before", token, 2).orElseThrow().instant("before", 0))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> {
                    assertThat(e.field()).isEqualTo("before");
                    assertThat(e.getStatusCode().value()).isEqualTo(400);
                    assertThat(e.getBody().getProperties().get("errors").toString()).contains("field=before");
                });
    }

    @Test
    void partsAreCheckedAgainWhenTheyComeBack() {
        String forged = Base64.getUrlEncoder().encodeToString("1/2026-11-20T07:31:00Z/a b".getBytes(StandardCharsets.UTF_8));
        Paging.Cursor cursor = Paging.Cursor.decode("cursor", forged, 2).orElseThrow();
        assertThat(cursor.instant("cursor", 0)).isEqualTo(Instant.parse("2026-11-20T07:31:00Z"));
        assertThatThrownBy(() -> cursor.identifier("cursor", 1)).isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> Paging.Cursor.of(1, "a/b")).isInstanceOf(IllegalArgumentException.class);
        String number = Paging.Cursor.of(9).encode();
        assertThatThrownBy(() -> Paging.Cursor.decode("cursor", number, 1).orElseThrow().integer("cursor", 0, 0, 5))
                .isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> Paging.Cursor.decode("cursor", "A".repeat(2000), 1)).isInstanceOf(InvalidParameterException.class);
        // an instant a date field cannot hold (years beyond 9999) is refused, not passed on to a query
        String far = Paging.Cursor.of("+1000000000-12-31T23:59:59Z").encode();
        assertThatThrownBy(() -> Paging.Cursor.decode("cursor", far, 1).orElseThrow().instant("cursor", 0))
                .isInstanceOf(InvalidParameterException.class);
        assertThat(Paging.isStorable(Instant.parse("9999-12-31T23:59:59Z"))).isTrue();
        assertThat(Paging.isStorable(Instant.parse("-0001-01-01T00:00:00Z"))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "201", "-1", "ten", "1e3", "99999999999"})
    void aSizeOutsideTheBoundsIsRefused(String size) {
        assertThatThrownBy(() -> Paging.size("size", size)).isInstanceOfSatisfying(InvalidParameterException.class,
                e -> assertThat(e.field()).isEqualTo("size"));
    }

    @Test
    void sizesWithinTheBoundsAndTheDefault() {
        assertThat(Paging.size("size", (String) null)).isEqualTo(Paging.DEFAULT_SIZE);
        assertThat(Paging.size("size", "1")).isEqualTo(1);
        assertThat(Paging.size("size", "200")).isEqualTo(200);
        assertThat(Paging.size("limit", "500", 100, 500)).isEqualTo(500);
    }

    @Test
    void aPageKeepsSizeItemsAndPointsAfterTheLastKept() {
        Paging.Page<String> full = Paging.Page.of(List.of("a", "b", "c"), 2, Paging.Cursor::of);
        assertThat(full.items()).containsExactly("a", "b");
        assertThat(full.next()).contains(Paging.Cursor.of("b"));
        Paging.Page<String> last = Paging.Page.of(List.of("a", "b"), 2, Paging.Cursor::of);
        assertThat(last.items()).containsExactly("a", "b");
        assertThat(last.next()).isEmpty();
    }

    @Test
    void theNextLinkIsTheRequestWithTheCursorReplaced() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/patients/p-1/sessions");
        request.setQueryString("size=2&cursor=old&x=a%20b");
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
        try {
            HttpHeaders headers = Paging.linkToNext(Optional.of(Paging.Cursor.of("s-1")), "cursor");
            String token = Paging.Cursor.of("s-1").encode();
            assertThat(headers.getFirst(HttpHeaders.LINK))
                    .isEqualTo("</api/v1/patients/p-1/sessions?size=2&x=a%20b&cursor=" + token + ">; rel=\"next\"");
            assertThat(Paging.linkToNext(Optional.empty(), "cursor").containsHeader(HttpHeaders.LINK)).isFalse();
        } finally {
            RequestContextHolder.resetRequestAttributes();
        }
    }
}
