package be.fedauth.saml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.fedauth.core.ConfigurationException;
import be.fedauth.core.ProviderId;
import be.fedauth.saml.support.SpFixture;
import be.fedauth.saml.support.TestCredentials;
import be.fedauth.saml.support.TestIdp;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SamlSettings are immutable: the builder is copied at build(), so later changes reach nothing built. */
class SamlSettingsTest {
    private final TestCredentials metadataKey = TestCredentials.rsa("idp-metadata");
    private final TestCredentials sp = TestCredentials.rsa("sp");

    private SamlSettings.Builder builder() {
        IdpMetadataSource idp = IdpMetadataSource.fromXml(TestIdp.metadata(TestIdp.ENTITY_ID,
                List.of(TestCredentials.rsa("idp").certificate()), metadataKey), TestIdp.ENTITY_ID)
                .signedBy(metadataKey.certificate()).build();
        return SamlSettings.builder(ProviderId.of("fas-saml"), SpFixture.SP_ENTITY_ID, URI.create(SpFixture.ACS),
                SpKeys.of(SpKey.of(sp.keyPair().getPrivate(), sp.certificate())), idp);
    }

    @Test
    void aBuilderChangedAfterBuild_changesNeitherTheSettingsNorTheProvider() {
        SamlSettings.Builder builder = builder().clockSkew(Duration.ofSeconds(30));
        SamlSettings settings = builder.build();
        SamlProvider provider = SamlProvider.create(settings);

        builder.clockSkew(Duration.ofMinutes(5)).requestBinding(SamlBinding.POST).allowUnsolicitedResponses();

        assertThat(settings.clockSkew()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.binding()).isEqualTo(SamlBinding.REDIRECT);
        assertThat(settings.allowUnsolicitedResponses()).isFalse();
        assertThat(provider.settings()).isSameAs(settings);
    }

    @Test
    void toBuilder_makesAVariant_leavingTheOriginalAlone() {
        SamlSettings original = builder().build();

        SamlSettings variant = original.toBuilder().requestBinding(SamlBinding.POST).build();

        assertThat(variant.binding()).isEqualTo(SamlBinding.POST);
        assertThat(original.binding()).isEqualTo(SamlBinding.REDIRECT);
    }

    @Test
    void build_refusesAClockSkewOverFiveMinutes() {
        assertThatThrownBy(() -> builder().clockSkew(Duration.ofMinutes(6)).build())
                .isInstanceOf(ConfigurationException.class);
    }
}
