package be.fedauth.core.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.fedauth.core.ConfigurationException;
import be.fedauth.core.spi.IdentityNames.Field;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Issue 13 point 1: claim and attribute names as data, from an operator's NAMES list. */
class IdentityNamesTest {

    enum BadNames {
        NO_EQUALS("email=mail,given_name", "given_name"),
        UNKNOWN_FIELD("surname=sn", "surname=sn"),
        EMPTY_NAME("email= ", "email="),
        EMPTY_ITEM("email=mail,,language=locale", "item 2"),
        SAME_NAME_TWICE("email=mail,email=mail", "email=mail"),
        CONTROL_CHARACTERS("nickname\r\n=x", "nickname??=x");

        final String names;
        final String named;

        BadNames(String names, String named) {
            this.names = names;
            this.named = named;
        }
    }

    @ParameterizedTest
    @EnumSource(BadNames.class)
    void point1_wrongNames_areAConfigurationErrorNamingTheItem_cleaned(BadNames bad) {
        assertThatThrownBy(() -> IdentityNames.parse(bad.names)).isInstanceOfSatisfying(ConfigurationException.class,
                e -> assertThat(e.getMessage()).contains(bad.named).doesNotContain("\r", "\n"));
    }

    @Test
    void point1_names_perField_inOrder_andAFieldTwiceHasTwoCandidates() {
        IdentityNames names = IdentityNames.parse("given-name=urn:oid:2.5.4.42, email=mail,email=email,national-number=nrn");

        assertThat(names.names(Field.GIVEN_NAME)).containsExactly("urn:oid:2.5.4.42");
        assertThat(names.names(Field.EMAIL)).containsExactly("mail", "email");
        assertThat(names.names(Field.NATIONAL_NUMBER)).containsExactly("nrn");
        assertThat(names.names(Field.LANGUAGE)).isEmpty();
        assertThat(IdentityNames.parse(names.toString())).isEqualTo(names);
    }

    @Test
    void point1_overrides_replaceOnlyTheFieldsTheyName() {
        IdentityNames standard = IdentityNames.parse("given-name=given_name,family-name=family_name,email=email");

        IdentityNames operator = standard.overriddenBy(IdentityNames.parse("email=mail,national-number=egovNRN"));

        assertThat(operator.names(Field.GIVEN_NAME)).containsExactly("given_name");
        assertThat(operator.names(Field.EMAIL)).containsExactly("mail");
        assertThat(operator.names(Field.NATIONAL_NUMBER)).containsExactly("egovNRN");
        assertThat(standard.with(Field.EMAIL, List.of()).names(Field.EMAIL)).isEmpty();
    }
}
