package dev.complianceharness.property.internal;

import dev.complianceharness.property.From;
import dev.complianceharness.property.Gen;
import dev.complianceharness.property.InvalidGeneratorException;
import dev.complianceharness.property.PropertyTest;
import java.lang.invoke.MethodType;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.extension.DynamicTestInvocationContext;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * Runs {@link PropertyTest} methods (generating their {@link From} parameters) and makes the JUnit test
 * known to programmatic properties run inside {@code @Test} methods and dynamic tests, so that they read
 * the JUnit configuration and report to the compliance report. Registered by {@link PropertyTest},
 * {@link dev.complianceharness.property.ReportProperties} and {@code @ComplianceTest}; stateless, so safe
 * under parallel execution.
 */
public final class PropertyExtension implements InvocationInterceptor, ParameterResolver {

    /** Created by JUnit. */
    public PropertyExtension() {
    }

    @Override
    public void interceptTestMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> invocationContext,
                                    ExtensionContext extensionContext) throws Throwable {
        Method method = invocationContext.getExecutable();
        Optional<PropertyTest> annotation = AnnotationSupport.findAnnotation(method, PropertyTest.class);
        if (annotation.isEmpty()) {
            context(extensionContext, OptionalLong.empty(), OptionalInt.empty()).runWithin(invocation::proceed);
            return;
        }
        PropertyTest propertyTest = annotation.get();
        Settings settings = settings(propertyTest, method);
        PropertyContext context = context(extensionContext,
                settings.seed() == null ? OptionalLong.empty() : OptionalLong.of(settings.seed()),
                settings.tries() == null ? OptionalInt.empty() : OptionalInt.of(settings.tries()));
        List<Object> resolved = invocationContext.getArguments();
        Object target = invocationContext.getTarget().orElse(null);
        Gen<ParameterValues> generator = generator(method, target);
        invocation.skip();
        context.runWithin(() -> new Engine<>(generator, values -> invoke(method, target, resolved, values), settings,
                List.of(), method.getDeclaringClass().getName() + "." + method.getName()).run());
    }

    @Override
    public void interceptTestTemplateMethod(Invocation<Void> invocation,
                                            ReflectiveInvocationContext<Method> invocationContext,
                                            ExtensionContext extensionContext) throws Throwable {
        context(extensionContext, OptionalLong.empty(), OptionalInt.empty()).runWithin(invocation::proceed);
    }

    @Override
    public void interceptDynamicTest(Invocation<Void> invocation, DynamicTestInvocationContext invocationContext,
                                     ExtensionContext extensionContext) throws Throwable {
        context(extensionContext, OptionalLong.empty(), OptionalInt.empty()).runWithin(invocation::proceed);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        if (!parameterContext.isAnnotated(From.class)) {
            return false;
        }
        if (!AnnotationSupport.isAnnotated(parameterContext.getDeclaringExecutable(), PropertyTest.class)) {
            throw new ParameterResolutionException("@From on parameter '" + parameterContext.getParameter().getName()
                    + "' of " + parameterContext.getDeclaringExecutable().getName() + "() only works on @PropertyTest"
                    + " methods: annotate the method with @PropertyTest instead of @Test");
        }
        return true;
    }

    /**
     * The value JUnit passes before the property runs; each example replaces it, so it is only a
     * stand-in of the right type (the simplest example where one can be made).
     */
    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Class<?> type = parameterContext.getParameter().getType();
        // a primitive needs a non-null stand-in; its zero is the same for the wrapper's default value
        return type.isPrimitive() ? java.lang.reflect.Array.get(java.lang.reflect.Array.newInstance(type, 1), 0) : null;
    }

    private static PropertyContext context(ExtensionContext extensionContext, OptionalLong seed, OptionalInt tries) {
        String method = extensionContext.getTestMethod().map(Method::getName).orElse(extensionContext.getDisplayName());
        return new PropertyContext(extensionContext, method, seed, tries);
    }

    private static Settings settings(PropertyTest annotation, Method method) {
        String where = "@PropertyTest on " + method.getDeclaringClass().getSimpleName() + "." + method.getName() + "()";
        Long seed = null;
        if (!annotation.seed().isBlank()) {
            try {
                seed = Long.parseLong(annotation.seed().trim());
            } catch (NumberFormatException e) {
                throw new ExtensionConfigurationException(where + ": seed = \"" + annotation.seed()
                        + "\" is not a number; copy the seed a failure printed, e.g. seed = \"42\"", e);
            }
        }
        if (annotation.tries() < 0) {
            throw new ExtensionConfigurationException(where + ": tries = " + annotation.tries()
                    + " is negative; use 1 or more (0 means the configured default)");
        }
        Duration budget = null;
        if (!annotation.timeBudget().isBlank()) {
            try {
                budget = Duration.parse(annotation.timeBudget().trim());
            } catch (DateTimeParseException e) {
                throw new ExtensionConfigurationException(where + ": timeBudget = \"" + annotation.timeBudget()
                        + "\" is not an ISO-8601 duration; write e.g. \"PT10S\" for ten seconds", e);
            }
            if (budget.isNegative() || budget.isZero()) {
                throw new ExtensionConfigurationException(where + ": timeBudget = \"" + annotation.timeBudget()
                        + "\" must be positive");
            }
        }
        String name = annotation.name().isBlank()
                ? method.getDeclaringClass().getSimpleName() + "." + method.getName() : annotation.name();
        return new Settings(name, annotation.tries() == 0 ? null : annotation.tries(), budget, seed,
                Settings.DEFAULT.edgeCaseProbability(), Settings.DEFAULT.shrinkLimit(), List.of(), null, Map.of(), null);
    }

    private static Gen<ParameterValues> generator(Method method, Object target) {
        Parameter[] parameters = method.getParameters();
        List<Integer> positions = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<Gen<?>> generators = new ArrayList<>();
        for (int i = 0; i < parameters.length; i++) {
            Optional<From> from = AnnotationSupport.findAnnotation(parameters[i], From.class);
            if (from.isPresent()) {
                positions.add(i);
                names.add(parameters[i].getName());
                generators.add(generatorMethod(method, parameters[i], from.get().value(), target));
            }
        }
        if (generators.isEmpty()) {
            throw new ExtensionConfigurationException("@PropertyTest method " + method.getDeclaringClass().getSimpleName()
                    + "." + method.getName() + "() has no @From parameters to generate: add them (e.g. @From(\"amounts\")"
                    + " long amount), or use @Test with Property.forAll(...)");
        }
        return Generators.named(choices -> {
            List<Object> values = new ArrayList<>(generators.size());
            for (Gen<?> generator : generators) {
                values.add(generator.generate(choices));
            }
            return new ParameterValues(positions, names, values);
        }, "parameters of " + method.getName() + "()");
    }

    private static Gen<?> generatorMethod(Method property, Parameter parameter, String name, Object target) {
        Class<?> testClass = property.getDeclaringClass();
        String where = "@From(\"" + name + "\") on parameter '" + parameter.getName() + "' of "
                + testClass.getSimpleName() + "." + property.getName() + "()";
        List<Method> candidates = ReflectionSupport.findMethods(testClass,
                candidate -> candidate.getName().equals(name) && candidate.getParameterCount() == 0,
                HierarchyTraversalMode.BOTTOM_UP);
        if (candidates.isEmpty()) {
            throw new ExtensionConfigurationException(where + ": " + testClass.getSimpleName() + " has no method " + name
                    + "() without parameters; add one returning the generator, e.g. static Gen<"
                    + boxed(parameter.getType()).getSimpleName() + "> " + name + "() { return Gens...; }");
        }
        Method generatorMethod = candidates.get(0);
        if (!Gen.class.isAssignableFrom(generatorMethod.getReturnType())) {
            throw new ExtensionConfigurationException(where + ": " + name + "() returns "
                    + generatorMethod.getReturnType().getSimpleName() + ", not a Gen; return a Gen<"
                    + boxed(parameter.getType()).getSimpleName() + ">");
        }
        boolean isStatic = Modifier.isStatic(generatorMethod.getModifiers());
        Object generator = ReflectionSupport.invokeMethod(generatorMethod, isStatic ? null : target);
        if (generator == null) {
            throw new ExtensionConfigurationException(where + ": " + name + "() returned null instead of a generator");
        }
        return (Gen<?>) generator;
    }

    private static Class<?> boxed(Class<?> type) {
        return MethodType.methodType(type).wrap().returnType();
    }

    private static void invoke(Method method, Object target, List<Object> resolved, ParameterValues values)
            throws Throwable {
        Object[] arguments = resolved.toArray();
        for (int i = 0; i < values.positions().size(); i++) {
            arguments[values.positions().get(i)] = values.values().get(i);
        }
        method.trySetAccessible();
        try {
            method.invoke(target, arguments);
        } catch (InvocationTargetException failure) {
            throw failure.getCause();
        } catch (IllegalArgumentException wrongType) {
            throw new InvalidGeneratorException("A generated value does not fit a parameter of " + method.getName()
                    + "() (" + values + "): make each @From generator produce its parameter's type");
        }
    }

    /**
     * The generated parameters of one example.
     *
     * @param positions the parameters' positions
     * @param names     their names
     * @param values    their values
     */
    record ParameterValues(List<Integer> positions, List<String> names, List<Object> values) {
        @Override
        public String toString() {
            List<String> parts = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                parts.add(names.get(i) + " = " + Examples.render(values.get(i)));
            }
            return String.join(", ", parts);
        }
    }

}
