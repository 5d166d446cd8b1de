package dev.complianceharness.spring.internal;

import java.util.List;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;

/** Named by {@link dev.complianceharness.spring.ComplianceBeans}: customizes the context of every class carrying it. */
public final class ComplianceBeansCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
        return new ComplianceBeansCustomizer();
    }
}
