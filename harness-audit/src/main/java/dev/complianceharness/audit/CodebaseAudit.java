package dev.complianceharness.audit;

import static org.apiguardian.api.API.Status.STABLE;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import dev.complianceharness.audit.internal.ClassFileScreen;
import dev.complianceharness.audit.internal.Classifier;
import dev.complianceharness.audit.internal.CodeOwners;
import dev.complianceharness.audit.internal.GovernanceChecks;
import dev.complianceharness.invariant.LiabilityTier;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Audits compiled code that nobody has marked yet: imports jars or class directories with ArchUnit and
 * classifies every class by the evidence its bytecode shows (personal-data fields and getters, card data,
 * amount and currency, payment-provider, messaging, HTTP, OAuth and AI client types, logging), so a team
 * knows which classes to review, and to put in liability zones, first.
 *
 * <pre>{@code
 * AuditReport report = CodebaseAudit.of(Path.of("target/classes"))
 *         .withCodeOwners(Path.of(".github/CODEOWNERS"))
 *         .run();
 * System.out.println(report.toText(20));
 * }</pre>
 *
 * <p>From the command line, see {@link AuditCommand}.
 */
@API(status = STABLE, since = "0.1.0")
public final class CodebaseAudit {

    private final List<Path> locations;
    private final Path codeOwners;
    private final boolean governance;
    private final long maxClassFileSize;

    private CodebaseAudit(List<Path> locations, Path codeOwners, boolean governance, long maxClassFileSize) {
        this.locations = List.copyOf(locations);
        this.codeOwners = codeOwners;
        this.governance = governance;
        this.maxClassFileSize = maxClassFileSize;
    }

    /**
     * Starts an audit.
     *
     * @param locations jar files or class directories
     * @return the audit, ready to {@link #run()}
     * @throws IllegalArgumentException when no location is given
     */
    public static CodebaseAudit of(Path... locations) {
        return of(List.of(locations));
    }

    /**
     * Starts an audit.
     *
     * @param locations jar files or class directories
     * @return the audit, ready to {@link #run()}
     * @throws IllegalArgumentException when no location is given
     */
    public static CodebaseAudit of(List<Path> locations) {
        if (locations.isEmpty()) {
            throw new IllegalArgumentException("Name at least one jar or class directory to audit");
        }
        return new CodebaseAudit(locations, null, false, ClassFileScreen.DEFAULT_MAX_CLASS_FILE_SIZE);
    }

    /**
     * Takes owners from a CODEOWNERS file for classes whose liability zone names none.
     *
     * @param file the CODEOWNERS file
     * @return a new audit
     */
    public CodebaseAudit withCodeOwners(Path file) {
        return new CodebaseAudit(locations, Objects.requireNonNull(file, "file"), governance, maxClassFileSize);
    }

    /**
     * Also checks the {@link dev.complianceharness.governance.GovernanceRules} on the audited classes; the
     * report then lists the violations per rule ({@link AuditReport#governance()}).
     *
     * @return a new audit
     */
    public CodebaseAudit withGovernanceRules() {
        return new CodebaseAudit(locations, codeOwners, true, maxClassFileSize);
    }

    /**
     * Sets the most bytes one class file may have once decompressed (default 8 MiB). A larger entry is not read
     * (it would be read whole into memory: a 200 kB decompression bomb inflates to 200 MB) and is named in the
     * report's {@linkplain AuditReport#warnings() warnings}.
     *
     * @param bytes the limit, at least 1,024
     * @return a new audit
     * @throws IllegalArgumentException for a limit under 1,024 bytes
     */
    public CodebaseAudit withMaxClassFileSize(long bytes) {
        if (bytes < 1024) {
            throw new IllegalArgumentException("The largest class file to read must be at least 1024 bytes, was " + bytes);
        }
        return new CodebaseAudit(locations, codeOwners, governance, bytes);
    }

    /**
     * Imports and classifies the classes.
     *
     * @return the report, most exposed classes first
     * @throws IllegalArgumentException naming a location or CODEOWNERS file that does not exist, a file that is
     *                                  not a jar, or a CODEOWNERS line that cannot be read
     * @throws IOException              if the CODEOWNERS file cannot be read
     */
    public AuditReport run() throws IOException {
        for (Path location : locations) {
            if (!Files.exists(location)) {
                throw new IllegalArgumentException("Cannot audit " + location.toAbsolutePath()
                        + ": no such jar or class directory");
            }
        }
        CodeOwners owners = CodeOwners.none();
        if (codeOwners != null) {
            if (!Files.isRegularFile(codeOwners)) {
                throw new IllegalArgumentException("Cannot read the CODEOWNERS file " + codeOwners.toAbsolutePath()
                        + ": no such file");
            }
            owners = CodeOwners.read(codeOwners);
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        boolean cpuTimed = threads.isCurrentThreadCpuTimeSupported();
        long cpuStarted = cpuTimed ? threads.getCurrentThreadCpuTime() : 0;
        long started = System.nanoTime();
        ClassFileScreen.Imported imported = ClassFileScreen.importScreened(locations, maxClassFileSize);
        JavaClasses classes = imported.classes();
        long importedAt = System.nanoTime();
        Classifier classifier = new Classifier();
        List<ClassAssessment> assessments = new ArrayList<>();
        for (JavaClass javaClass : classes) {
            if (isAudited(javaClass)) {
                assessments.add(assess(javaClass, classifier, owners));
            }
        }
        assessments.sort(RANKING);
        long classified = System.nanoTime();
        Optional<Duration> cpuTime = cpuTimed ? Optional.of(Duration.ofNanos(threads.getCurrentThreadCpuTime() - cpuStarted))
                : Optional.empty();
        Optional<List<GovernanceResult>> governanceResults = governance ? Optional.of(GovernanceChecks.run(classes)) : Optional.empty();
        return new AuditReport(locations.stream().map(Path::toString).toList(), assessments,
                Duration.ofNanos(importedAt - started), Duration.ofNanos(classified - importedAt), cpuTime, owners.size(),
                imported.warnings(), governanceResults);
    }

    /** Most exposed tier first, then the heaviest evidence, then by name. */
    static final Comparator<ClassAssessment> RANKING = Comparator
            .comparing((ClassAssessment assessment) -> assessment.tier().map(LiabilityTier::ordinal).orElse(Integer.MAX_VALUE))
            .thenComparing(Comparator.comparingInt(ClassAssessment::score).reversed())
            .thenComparing(ClassAssessment::className);

    private static boolean isAudited(JavaClass javaClass) {
        String simpleName = javaClass.getSimpleName();
        return !simpleName.equals("package-info") && !simpleName.equals("module-info") && !javaClass.isAnonymousClass()
                && !javaClass.getName().contains("$$");
    }

    private static ClassAssessment assess(JavaClass javaClass, Classifier classifier, CodeOwners owners) {
        Classifier.Result result = classifier.classify(javaClass);
        int score = result.evidence().stream().mapToInt(Evidence::weight).sum();
        Optional<String> declaredOwner = result.declared().map(zone -> zone.owner()).filter(owner -> !owner.isEmpty());
        Optional<String> owner = declaredOwner.or(() -> owners.ownersOf(javaClass.getName()));
        Optional<String> source = declaredOwner.isPresent() ? Optional.of("@LiabilityZone")
                : owner.isPresent() ? Optional.of("CODEOWNERS") : Optional.empty();
        return new ClassAssessment(javaClass.getName(), result.tier(), score, result.evidence(), owner, source,
                result.declared());
    }
}
