package io.github.skillmessaging.testkit.junit;

import io.github.skillmessaging.testkit.AlexaSandbox;
import java.time.Duration;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5: starts an {@link AlexaSandbox} before a test class's tests and stops it after them, and
 * injects it into test and lifecycle methods that declare an {@code AlexaSandbox} parameter.
 *
 * <pre>{@code
 * @ExtendWith(AlexaSandboxExtension.class)
 * class MySkillTest {
 *     @Test void roundTrip(AlexaSandbox sandbox) { ... }
 * }
 *
 * // or, to configure it:
 * @RegisterExtension
 * static AlexaSandboxExtension alexa = AlexaSandboxExtension.configured(b -> b.listPageSize(5));
 * }</pre>
 *
 * The sandbox it starts redelivers unacknowledged requests after {@value #TEST_REDELIVERY_MILLIS} ms
 * (not Amazon's 30 s) so tests stay fast; {@link #configured} changes anything.
 */
@SuppressWarnings("exports") // JUnit is an optional dependency: users of this class have it anyway
public final class AlexaSandboxExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {
    /** The first redelivery wait of a sandbox started by this extension. */
    public static final long TEST_REDELIVERY_MILLIS = 50;

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(AlexaSandboxExtension.class);

    private final UnaryOperator<AlexaSandbox.Builder> configuration;
    private volatile AlexaSandbox current;

    /** The defaults, for {@code @ExtendWith}. */
    public AlexaSandboxExtension() {
        this(UnaryOperator.identity());
    }

    private AlexaSandboxExtension(UnaryOperator<AlexaSandbox.Builder> configuration) {
        this.configuration = configuration;
    }

    /** An extension whose sandbox {@code configuration} adjusts, for {@code @RegisterExtension}. */
    public static AlexaSandboxExtension configured(UnaryOperator<AlexaSandbox.Builder> configuration) {
        return new AlexaSandboxExtension(Objects.requireNonNull(configuration, "configuration"));
    }

    /** The running sandbox (between the class's first and last test). */
    public AlexaSandbox sandbox() {
        AlexaSandbox sandbox = current;
        if (sandbox == null) {
            throw new IllegalStateException("The sandbox runs only while the test class runs");
        }
        return sandbox;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        AlexaSandbox sandbox = configuration
                .apply(AlexaSandbox.builder().redeliveryBackoff(Duration.ofMillis(TEST_REDELIVERY_MILLIS)))
                .start();
        current = sandbox;
        context.getStore(NAMESPACE).put(AlexaSandbox.class, sandbox);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        AlexaSandbox sandbox = context.getStore(NAMESPACE).remove(AlexaSandbox.class, AlexaSandbox.class);
        current = null;
        if (sandbox != null) {
            sandbox.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == AlexaSandbox.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        for (ExtensionContext c = extensionContext; c != null; c = c.getParent().orElse(null)) {
            AlexaSandbox sandbox = c.getStore(NAMESPACE).get(AlexaSandbox.class, AlexaSandbox.class);
            if (sandbox != null) {
                return sandbox;
            }
        }
        return sandbox();
    }
}
