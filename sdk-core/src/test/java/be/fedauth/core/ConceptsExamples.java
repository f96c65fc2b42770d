package be.fedauth.core;

import java.time.Clock;
import java.time.LocalDate;

/** The code shown in docs/concepts.md, compiled; {@link ConceptsDocTest} checks the page shows it word for word and runs it. */
final class ConceptsExamples {
    String shownPage;

    TransitionAuthenticationProvider nctsTransition(AuthenticationProvider socialSecurity, AuthenticationProvider fas,
                                                    Clock clock) {
        // BEGIN concepts.md transition
        TransitionAuthenticationProvider ncts = TransitionAuthenticationProvider
                .builder(ProviderId.of("ncts"),
                         Transition.ncts(socialSecurity.id(), fas.id(), LocalDate.of(2020, 3, 1)),
                         socialSecurity, fas)
                .clock(clock)
                .retire(KeyRetirement.TOKEN)
                .build();
        // END concepts.md transition
        return ncts;
    }

    void finish(AuthenticationProvider provider, CallbackRequest callback, PendingLogin pending) {
        // BEGIN concepts.md errors
        try {
            AuthenticatedUser user = provider.finishLogin(callback, pending);
        } catch (FedAuthException e) {
            Guidance g = Guidance.of(e.code(), Language.NL, EService.NCTS);
            showErrorPage(e.code().id(), g.fullText());
        }
        // END concepts.md errors
    }

    private void showErrorPage(String code, String text) {
        shownPage = code + ": " + text;
    }
}
