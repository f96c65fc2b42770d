package be.fedauth.testkit;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * JUnit 5 extension that starts one fake FAS per test class on a random loopback port, injects it as a
 * {@link FakeFas} parameter (test methods, constructors, lifecycle methods), resets it before each test
 * (attacks, faults, preselected login, issuer quirk, clock, recorded requests) and stops it after the class.
 *
 * <pre>{@code
 * @ExtendWith(FakeFasExtension.class)
 * class LoginTest {
 *     @Test
 *     void citizenLogsIn(FakeFas fas) { ... }
 * }
 * }</pre>
 *
 * <p>With settings: {@code @RegisterExtension static FakeFasExtension FAS = FakeFasExtension.configured(b -> b.personas(...));}
 */
public final class FakeFasExtension implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback,
        ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(FakeFasExtension.class);

    private final Consumer<FakeFas.Builder> settings;

    /** The fake with the defaults (used by {@code @ExtendWith}). */
    public FakeFasExtension() {
        this(builder -> { });
    }

    private FakeFasExtension(Consumer<FakeFas.Builder> settings) {
        this.settings = settings;
    }

    /** The fake with settings; the port is always random. */
    public static FakeFasExtension configured(Consumer<FakeFas.Builder> settings) {
        return new FakeFasExtension(Objects.requireNonNull(settings, "settings"));
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        fas(context);
    }

    /** Stops the class's fake (explicitly, rather than relying on the store closing its values). */
    @Override
    public void afterAll(ExtensionContext context) {
        FakeFas fas = context.getStore(NAMESPACE).remove(this, FakeFas.class);
        if (fas != null) {
            fas.close();
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        fas(context).reset();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == FakeFas.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return fas(extensionContext);
    }

    /** The fake of the test class, started on first use; the class's store closes it after the class. */
    private FakeFas fas(ExtensionContext context) {
        ExtensionContext classContext = context;
        while (classContext.getTestMethod().isPresent() && classContext.getParent().isPresent()) {
            classContext = classContext.getParent().get();
        }
        return classContext.getStore(NAMESPACE).getOrComputeIfAbsent(this, key -> {
            FakeFas.Builder builder = FakeFas.builder();
            settings.accept(builder);
            return builder.port(0).start();
        }, FakeFas.class);
    }
}
