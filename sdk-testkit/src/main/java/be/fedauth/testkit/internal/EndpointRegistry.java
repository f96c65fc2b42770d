package be.fedauth.testkit.internal;

import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Finds the protocol endpoints by class name, so that the shell compiles and runs whether or not a
 * protocol package exists yet (see {@link ProtocolEndpoints} for the contract).
 */
public final class EndpointRegistry {
    /** The protocol endpoint classes, tried in this order. */
    public static final List<String> PROTOCOL_CLASSES = List.of(
            "be.fedauth.testkit.internal.oidc.OidcEndpoints",
            "be.fedauth.testkit.internal.saml.SamlEndpoints");

    private EndpointRegistry() {
    }

    /** One instance of each protocol endpoints class that exists, bound to {@code context}. */
    public static List<ProtocolEndpoints> protocolEndpoints(FakeIdpContext context) {
        Objects.requireNonNull(context, "context");
        List<ProtocolEndpoints> found = new ArrayList<>();
        for (String name : PROTOCOL_CLASSES) {
            Class<?> type;
            try {
                type = Class.forName(name, true, EndpointRegistry.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                continue;
            }
            found.add(instantiate(type.asSubclass(ProtocolEndpoints.class), context));
        }
        return List.copyOf(found);
    }

    private static ProtocolEndpoints instantiate(Class<? extends ProtocolEndpoints> type, FakeIdpContext context) {
        try {
            try {
                return type.getConstructor(FakeIdpContext.class).newInstance(context);
            } catch (NoSuchMethodException e) {
                return type.getConstructor().newInstance();
            }
        } catch (ReflectiveOperationException e) {
            Throwable cause = e instanceof InvocationTargetException ite ? ite.getCause() : e;
            throw new IllegalStateException("cannot create the endpoints " + type.getName(), cause);
        }
    }
}
