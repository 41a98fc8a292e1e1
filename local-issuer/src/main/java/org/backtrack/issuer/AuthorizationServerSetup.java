package org.backtrack.issuer;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Spring Authorization Server with OIDC, BackTrack's claims in every token, and form login for people. */
@Configuration(proxyBeanMethods = false)
class AuthorizationServerSetup {

    static final Duration ACCESS_TOKEN_LIFETIME = Duration.ofMinutes(30);

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServer(HttpSecurity http) throws Exception {
        http.oauth2AuthorizationServer(server -> {
                    http.securityMatcher(server.getEndpointsMatcher());
                    server.oidc(oidc -> oidc.userInfoEndpoint(userInfo -> userInfo.userInfoMapper(context -> {
                        Map<String, Object> idClaims = context.getAuthorization().getToken(OidcIdToken.class).getToken().getClaims();
                        Map<String, Object> info = new HashMap<>();
                        for (String claim : List.of("sub", BackTrackClaims.CLINIC_ID, BackTrackClaims.PATIENT_ID, BackTrackClaims.ROLES)) {
                            if (idClaims.containsKey(claim)) {
                                info.put(claim, idClaims.get(claim));
                            }
                        }
                        return new OidcUserInfo(info);
                    })));
                })
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .oauth2ResourceServer(server -> server.jwt(Customizer.withDefaults()))
                .exceptionHandling(handling -> handling.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint("/login"), new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain people(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/dev/token", "/actuator/health", "/actuator/health/**", "/error").permitAll()
                        .anyRequest().authenticated())
                // /dev/token takes a username and password itself; there is no session to forge a request on
                .csrf(csrf -> csrf.ignoringRequestMatchers("/dev/token"))
                .formLogin(Customizer.withDefaults());
        return http.build();
    }

    @Bean
    UserDetailsService demoUsers(IssuerProperties properties) {
        return new InMemoryUserDetailsManager(properties.users().stream()
                .map(u -> User.withUsername(u.username()).password("{noop}" + u.password()).roles(u.roles().toArray(String[]::new)).build())
                .toList());
    }

    @Bean
    RegisteredClientRepository clients(IssuerProperties properties) {
        List<RegisteredClient> clients = properties.clients().stream().map(c -> {
            var client = RegisteredClient.withId(c.clientId()).clientId(c.clientId()).clientSecret("{noop}" + c.secret())
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                    .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(ACCESS_TOKEN_LIFETIME).build());
            if ("authorization_code".equals(c.grant())) {
                client.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                        .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                        .redirectUri(properties.gatewayUrl() + "/login/oauth2/code/backtrack")
                        .postLogoutRedirectUri(properties.gatewayUrl() + "/")
                        .scope(OidcScopes.OPENID).scope(OidcScopes.PROFILE)
                        .clientSettings(ClientSettings.builder().requireAuthorizationConsent(false).requireProofKey(true).build());
            } else {
                client.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS).scope("backtrack");
            }
            return client.build();
        }).toList();
        return new InMemoryRegisteredClientRepository(clients);
    }

    /** Adds clinic, patient and roles to access and ID tokens; access tokens name the BackTrack API as audience. */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> backTrackClaims(IssuerProperties properties) {
        return context -> {
            boolean access = OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType());
            boolean id = OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue());
            if (!access && !id) {
                return;
            }
            if (access) {
                context.getClaims().audience(List.of(BackTrackClaims.AUDIENCE));
            }
            String name = context.getPrincipal().getName();
            if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
                properties.client(name).ifPresent(c -> context.getClaims().claims(claims -> BackTrackClaims.ofClient(claims, c)));
            } else {
                properties.user(name).ifPresent(u -> context.getClaims().claims(claims -> BackTrackClaims.ofUser(claims, u)));
            }
        };
    }

    /** A fresh signing key per start: tokens of an earlier run stop verifying, which for demo data is what one wants. */
    @Bean
    JWKSource<SecurityContext> signingKey() throws NoSuchAlgorithmException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        RSAKey key = new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
                .keyID(UUID.randomUUID().toString()).build();
        return new ImmutableJWKSet<>(new JWKSet(key));
    }

    @Bean
    JwtEncoder jwtEncoder(JWKSource<SecurityContext> signingKey) {
        return new NimbusJwtEncoder(signingKey);
    }

    @Bean
    AuthorizationServerSettings settings(IssuerProperties properties) {
        return AuthorizationServerSettings.builder().issuer(properties.url()).build();
    }
}
