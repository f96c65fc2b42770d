package be.fedauth.oidc.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;

class VerifiedClaimsTest {

    private static SignedJWT signed(JWTClaimsSet claims) throws Exception {
        RSAKey key = new RSAKeyGenerator(2048).keyID("k").generate();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("k").build(), claims);
        jwt.sign(new RSASSASigner(key));
        return SignedJWT.parse(jwt.serialize());
    }

    @Test
    void of_givesTheSameClaimsAsNimbus() throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer("https://idp.example/fas/oauth2").subject("s-1")
                .audience(List.of("client")).expirationTime(new Date(1_900_000_000_000L))
                .claim("amr", List.of("urn:be:fedict:iam:fas:Level500")).claim("givenName", "Aline é")
                .claim("acr", "0").build();
        SignedJWT jwt = signed(claims);

        assertThat(VerifiedClaims.of(jwt).toJSONObject()).isEqualTo(jwt.getJWTClaimsSet().toJSONObject());
    }

    @Test
    void of_aPayloadThatIsNotAJsonObject_failsWithParseException() throws Exception {
        SignedJWT jwt = signed(new JWTClaimsSet.Builder().subject("s").build());
        Base64URL[] parts = jwt.getParsedParts();
        SignedJWT notJson = new SignedJWT(parts[0], Base64URL.encode("[1,2]"), parts[2]);
        SignedJWT notBase64 = new SignedJWT(parts[0], new Base64URL("***"), parts[2]);

        assertThatThrownBy(() -> VerifiedClaims.of(notJson)).isInstanceOf(ParseException.class);
        assertThatThrownBy(() -> VerifiedClaims.of(notBase64)).isInstanceOf(ParseException.class);
    }
}
