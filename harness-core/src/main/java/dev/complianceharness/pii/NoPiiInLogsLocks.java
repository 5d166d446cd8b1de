package dev.complianceharness.pii;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLocksProvider;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Gives every {@link NoPiiInLogs} test a read lock on {@link NoPiiInLogs#LOCK}, and a write lock under
 * {@link NoPiiInLogs.Isolation#GLOBAL_LOCK}, so that a globally locked test runs alone among them.
 */
final class NoPiiInLogsLocks implements ResourceLocksProvider {

    @Override
    public Set<Lock> provideForClass(Class<?> testClass) {
        return lockFor(testClass);
    }

    @Override
    public Set<Lock> provideForNestedClass(List<Class<?>> enclosingInstanceTypes, Class<?> testClass) {
        return lockFor(testClass);
    }

    @Override
    public Set<Lock> provideForMethod(List<Class<?>> enclosingInstanceTypes, Class<?> testClass, Method testMethod) {
        return lockFor(testMethod);
    }

    private static Set<Lock> lockFor(AnnotatedElement element) {
        Optional<NoPiiInLogs> annotation = AnnotationSupport.findAnnotation(element, NoPiiInLogs.class);
        if (annotation.isEmpty()) {
            return Set.of();
        }
        ResourceAccessMode mode = annotation.get().isolation() == NoPiiInLogs.Isolation.GLOBAL_LOCK
                ? ResourceAccessMode.READ_WRITE : ResourceAccessMode.READ;
        return Set.of(new Lock(NoPiiInLogs.LOCK, mode));
    }
}
