package org.backtrack.security;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Turns a verified JWT into an authentication whose authorities are the known roles it names (unknown ones are ignored). */
public final class CallerAuthenticationConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    private static final Set<String> KNOWN = Arrays.stream(Role.values()).map(Role::name).collect(Collectors.toSet());

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        Collection<GrantedAuthority> authorities = new ArrayList<>();
        for (Role role : roles(jwt)) {
            authorities.add(new SimpleGrantedAuthority("ROLE_" + role.name()));
        }
        return new JwtAuthenticationToken(jwt, authorities, jwt.getSubject());
    }

    static List<Role> roles(Jwt jwt) {
        List<String> names = Optional.ofNullable(jwt.getClaimAsStringList(TokenClaims.ROLES)).orElse(List.of());
        return names.stream().filter(KNOWN::contains).map(Role::valueOf).distinct().toList();
    }

    /** The caller behind a verified token. */
    public static Caller caller(Jwt jwt) {
        return Caller.of(jwt.getSubject(), jwt.getClaimAsString(TokenClaims.CLINIC_ID),
                jwt.getClaimAsString(TokenClaims.PATIENT_ID), roles(jwt));
    }
}
