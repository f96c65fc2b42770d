package be.fedauth.core;

import java.util.Objects;

/**
 * The result of {@link AuthenticationProvider#startLogin(LoginRequest)}: where to send the browser,
 * and what must survive the round trip to the identity provider.
 *
 * @param redirect where to send the browser
 * @param pendingLogin keep it (sealed in a cookie or in a {@link be.fedauth.core.spi.PendingLoginStore})
 *     and give it back to {@code finishLogin}
 */
public record LoginRedirect(HttpRedirect redirect, PendingLogin pendingLogin) {
    /** Validates. */
    public LoginRedirect {
        Objects.requireNonNull(redirect, "redirect");
        Objects.requireNonNull(pendingLogin, "pendingLogin");
    }
}
