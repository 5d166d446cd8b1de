package dev.complianceharness.spring.internal;

import dev.complianceharness.junit.RunningComplianceTest;
import dev.complianceharness.pii.logs.LogContext;
import dev.complianceharness.spring.ComplianceParts;
import java.time.Clock;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.task.TaskDecorator;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Registers the clock, the parts and the task decorator. Every instance is equal to every other, so classes that
 * differ only in carrying {@code @ComplianceBeans} at all get different contexts, and all that carry it share one.
 */
final class ComplianceBeansCustomizer implements ContextCustomizer {

    static final String CLOCK = "complianceharness.clock";
    static final String PARTS = "complianceharness.parts";
    static final String TASK_DECORATOR = "complianceharness.taskDecorator";

    @Override
    public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
        context.addBeanFactoryPostProcessor(new Registrar());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ComplianceBeansCustomizer;
    }

    @Override
    public int hashCode() {
        return ComplianceBeansCustomizer.class.hashCode();
    }

    /** Adds the bean definitions while the context refreshes, whatever kind of context it is. */
    private static final class Registrar implements BeanDefinitionRegistryPostProcessor {

        @Override
        public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
            RootBeanDefinition clock = new RootBeanDefinition(Clock.class, RunningTestClock::new);
            // the application's own Clock bean stays; every injection point that asks for a Clock gets this one
            clock.setPrimary(true);
            registry.registerBeanDefinition(CLOCK, clock);
            registry.registerBeanDefinition(PARTS, new RootBeanDefinition(ComplianceParts.class, ComplianceParts::new));
        }

        @Override
        public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
            // runs after the configuration classes are read: a second TaskDecorator would make Spring Boot use none
            if (beanFactory.getBeanNamesForType(TaskDecorator.class, true, false).length == 0
                    && beanFactory instanceof BeanDefinitionRegistry registry) {
                TaskDecorator decorator = task -> LogContext.wrap(RunningComplianceTest.propagating(task));
                registry.registerBeanDefinition(TASK_DECORATOR, new RootBeanDefinition(TaskDecorator.class, () -> decorator));
            }
        }
    }
}
