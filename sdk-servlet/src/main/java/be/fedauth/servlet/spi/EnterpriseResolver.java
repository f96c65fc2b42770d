package be.fedauth.servlet.spi;

import be.fedauth.core.AuthenticatedUser;
import be.fedauth.core.EService;
import be.fedauth.core.Enterprise;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/**
 * Names the enterprise in whose name a logged-in user is using an e-service, with its local
 * manager, so that {@link be.fedauth.core.AccessPolicy} can decide. Typically the application reads
 * the enterprise the user chose (a request parameter or a session attribute) and looks it up in its
 * own register. Implementations are thread-safe and do not throw for unknown enterprises: they
 * return empty, and access is then denied with {@code role_missing}.
 */
@FunctionalInterface
public interface EnterpriseResolver {

    /** The enterprise for this request, or empty when the user has not chosen one or it is unknown. */
    Optional<Enterprise> enterprise(HttpServletRequest request, AuthenticatedUser user, EService eService);
}
