package dev.complianceharness.benchmarks.audit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import dev.complianceharness.governance.GovernanceRules;
import java.security.MessageDigest;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The weak-digest rule on a real library, Commons Codec (its classes from this jar's class path): the rule
 * follows algorithm names through helper methods across every class, which costs a second read of the class
 * files that call a digest factory or a helper. Next to it, what a user would write with ArchUnit alone: no calls
 * of {@code MessageDigest.getInstance(String)} at all — which flags every call, weak or strong, and no call that
 * goes through a helper of a library not imported. Run: {@code java -jar benchmarks/target/benchmarks.jar WeakDigestRuleBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class WeakDigestRuleBenchmark {

    private static final ArchRule NAIVE = noClasses().should().callMethod(MessageDigest.class, "getInstance", String.class)
            .allowEmptyShould(true);

    private JavaClasses classes;

    /** Imports Commons Codec once; the rules are what is measured. */
    @Setup
    public void importCommonsCodec() {
        classes = new ClassFileImporter().importPackages("org.apache.commons.codec");
        if (classes.size() < 50) {
            throw new IllegalStateException("Commons Codec is not on the class path: " + classes.size() + " classes");
        }
    }

    /** @return the weak-digest rule's violations, helpers followed */
    @Benchmark
    public List<String> weakDigestRuleWithHelpers() {
        return GovernanceRules.NO_CLASSES_SHOULD_USE_WEAK_MESSAGE_DIGESTS.evaluate(classes).getFailureReport().getDetails();
    }

    /** @return the naive rule's violations: every call of MessageDigest.getInstance(String) */
    @Benchmark
    public List<String> naiveEveryGetInstanceCall() {
        return NAIVE.evaluate(classes).getFailureReport().getDetails();
    }
}
