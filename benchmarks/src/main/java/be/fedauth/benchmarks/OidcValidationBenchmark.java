package be.fedauth.benchmarks;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.util.Resource;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.SubjectType;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.pac4j.oidc.config.OidcConfiguration;
import org.pac4j.oidc.metadata.StaticOidcOpMetadataResolver;
import org.pac4j.oidc.profile.creator.TokenValidator;

/**
 * OIDC callback validation on FAS-shaped tokens, after the HTTP calls: fedauth against the floor (a
 * bare Nimbus {@link RSASSAVerifier} on the same JWTs), Nimbus's own {@link IDTokenValidator} and
 * pac4j-oidc's {@link TokenValidator}. Every verifier is built once, as an application would.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class OidcValidationBenchmark {
    private FasTokens tokens;
    private RSASSAVerifier rsaVerifier;
    private ECDSAVerifier es256Jdk;
    private ECDSAVerifier es256Bc;
    private IDTokenValidator nimbus;
    private TokenValidator pac4j;
    private FedauthOidc fedauth;

    @Setup
    public void setUp() throws Exception {
        tokens = FasTokens.mint(0);
        rsaVerifier = new RSASSAVerifier(tokens.rsaKey.toRSAPublicKey());
        es256Jdk = new ECDSAVerifier(tokens.ecKey.toECPublicKey());
        es256Bc = new ECDSAVerifier(tokens.ecKey.toECPublicKey());
        es256Bc.getJCAContext().setProvider(new BouncyCastleProvider());
        nimbus = new IDTokenValidator(new Issuer(FasTokens.ISSUER), new ClientID(FasTokens.CLIENT_ID),
                JWSAlgorithm.RS256, tokens.jwks);
        pac4j = pac4jValidator(tokens);
        fedauth = FedauthOidc.create(tokens);
        // Fail at setup, not in the measurement, if anything is mis-wired.
        floorCallback();
        nimbusIdTokenValidator();
        pac4jIdToken();
        es256Jdk();
        es256Bc();
        fedauthIdToken();
        fedauthCallback();
        fedauthEs256IdToken();
        fedauthFinishLoginLoopback();
        httpOnlyLoopback();
    }

    @TearDown
    public void tearDown() {
        fedauth.close();
    }

    static TokenValidator pac4jValidator(FasTokens tokens) {
        OidcConfiguration configuration = new OidcConfiguration();
        configuration.setClientId(FasTokens.CLIENT_ID);
        configuration.setSecret(FasTokens.CLIENT_SECRET);
        // The JWKS would come over HTTPS once and then from Nimbus's cache; serve it from memory.
        String jwks = tokens.jwks.toString();
        configuration.setResourceRetriever(url -> new Resource(jwks, "application/json"));
        OIDCProviderMetadata metadata = new OIDCProviderMetadata(new Issuer(FasTokens.ISSUER),
                List.of(SubjectType.PUBLIC), URI.create(FasTokens.ISSUER + "/connect/jwk_uri"));
        metadata.setIDTokenJWSAlgs(new ArrayList<>(List.of(JWSAlgorithm.RS256)));
        // The validator pac4j's metadata resolver builds, once, for its OidcAuthenticator.
        configuration.setOpMetadataResolver(new StaticOidcOpMetadataResolver(configuration, metadata));
        configuration.init();
        return new TokenValidator(configuration, metadata);
    }

    /** The floor for the ID token alone: parse it and check its RS256 signature. */
    @Benchmark
    public boolean floorIdToken() throws Exception {
        return verify(tokens.idToken, rsaVerifier);
    }

    /** The floor for a callback: parse and check the ID token and the userinfo JWT. */
    @Benchmark
    public boolean floorCallback() throws Exception {
        return verify(tokens.idToken, rsaVerifier) & verify(tokens.userInfo, rsaVerifier);
    }

    /**
     * Diagnostic: the floor plus reading both tokens' claims the way every Nimbus-based validator does
     * ({@code getJWTClaimsSet()}: Nimbus's constant-time base64url decoder, then its JSON parser).
     */
    @Benchmark
    public Object floorCallbackWithClaims() throws Exception {
        return claims(tokens.idToken, rsaVerifier).size() + claims(tokens.userInfo, rsaVerifier).size();
    }

    /**
     * Diagnostic: the floor plus reading the claims with the JDK's base64url decoder (the payload is not
     * secret, so a constant-time decoder buys nothing) and Nimbus's JSON parser.
     */
    @Benchmark
    public Object floorCallbackWithClaimsJdkBase64() throws Exception {
        return fastClaims(tokens.idToken, rsaVerifier).size() + fastClaims(tokens.userInfo, rsaVerifier).size();
    }

    static java.util.Map<String, Object> claims(String compact, com.nimbusds.jose.JWSVerifier verifier)
            throws Exception {
        SignedJWT jwt = SignedJWT.parse(compact);
        if (!jwt.verify(verifier)) {
            throw new JOSEException("signature does not verify");
        }
        return jwt.getJWTClaimsSet().getClaims();
    }

    static java.util.Map<String, Object> fastClaims(String compact, com.nimbusds.jose.JWSVerifier verifier)
            throws Exception {
        SignedJWT jwt = SignedJWT.parse(compact);
        if (!jwt.verify(verifier)) {
            throw new JOSEException("signature does not verify");
        }
        int first = compact.indexOf('.');
        String payload = new String(java.util.Base64.getUrlDecoder().decode(
                compact.substring(first + 1, compact.indexOf('.', first + 1))), java.nio.charset.StandardCharsets.UTF_8);
        return com.nimbusds.jwt.JWTClaimsSet.parse(com.nimbusds.jose.util.JSONObjectUtils.parse(payload)).getClaims();
    }

    /** Nimbus oauth2-oidc-sdk's IDTokenValidator on the ID token (a reference, not a target). */
    @Benchmark
    public IDTokenClaimsSet nimbusIdTokenValidator() throws Exception {
        return nimbus.validate(JWTParser.parse(tokens.idToken), new Nonce(FasTokens.NONCE));
    }

    /** The peer: pac4j-oidc 6 validating the ID token. */
    @Benchmark
    public IDTokenClaimsSet pac4jIdToken() throws Exception {
        return pac4j.validate(JWTParser.parse(tokens.idToken), new Nonce(FasTokens.NONCE));
    }

    /** fedauth on the ID token alone: signature and claim checks. */
    @Benchmark
    public Object fedauthIdToken() {
        return fedauth.validateIdToken();
    }

    /** fedauth on a whole callback: ID token, userinfo JWT, claim checks and mapping to a user. */
    @Benchmark
    public Object fedauthCallback() {
        return fedauth.validateCallback();
    }

    /** fedauth's public finishLogin, token and userinfo fetched from a loopback server with canned answers. */
    @Benchmark
    public Object fedauthFinishLoginLoopback() {
        return fedauth.finishLogin();
    }

    /** The two loopback HTTP calls of finishLogin alone, with sdk-oidc's transport. */
    @Benchmark
    public int httpOnlyLoopback() {
        return fedauth.httpOnly();
    }

    /** fedauth on an ES256 ID token. */
    @Benchmark
    public Object fedauthEs256IdToken() {
        return fedauth.validateEs256IdToken();
    }

    /** ES256 with the JDK's default provider. */
    @Benchmark
    public boolean es256Jdk() throws Exception {
        return verify(tokens.es256IdToken, es256Jdk);
    }

    /** ES256 with Bouncy Castle's provider. */
    @Benchmark
    public boolean es256Bc() throws Exception {
        return verify(tokens.es256IdToken, es256Bc);
    }

    static boolean verify(String compact, com.nimbusds.jose.JWSVerifier verifier) throws Exception {
        if (!SignedJWT.parse(compact).verify(verifier)) {
            throw new JOSEException("signature does not verify");
        }
        return true;
    }
}
