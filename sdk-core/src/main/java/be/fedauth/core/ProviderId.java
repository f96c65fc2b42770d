package be.fedauth.core;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The name of an {@link AuthenticationProvider}, such as "fas-oidc" or "social-security".
 *
 * @param value lower-case letters, digits and '-', 2 to 40 characters
 */
public record ProviderId(String value) {
    private static final Pattern FORM = Pattern.compile("[a-z0-9][a-z0-9-]{1,39}");

    /** Validates. */
    public ProviderId {
        Objects.requireNonNull(value, "value");
        if (!FORM.matcher(value).matches()) {
            throw new ConfigurationException("a provider id is 2 to 40 lower-case letters, digits or '-'");
        }
    }

    /** Shorthand for the constructor. */
    public static ProviderId of(String value) {
        return new ProviderId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
