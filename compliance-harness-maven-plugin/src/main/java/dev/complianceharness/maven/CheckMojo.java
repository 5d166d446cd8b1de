package dev.complianceharness.maven;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.complianceharness.report.ComplianceGate;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apiguardian.api.API;

/**
 * Fails the build on the compliance gate, the way {@code jacoco:check} fails it on coverage: merges the partial results
 * that every test JVM of this module wrote (one per Surefire fork, launch and re-run) into the module's report, and,
 * in the last module of a multi-module build, every module's results into the build's report; then fails the build
 * with the gate's reasons (which invariant was violated or errored, which REGULATORY zone is unguarded, which test
 * launch left no result).
 *
 * <pre>{@code
 * <plugin>
 *   <groupId>dev.complianceharness</groupId>
 *   <artifactId>compliance-harness-maven-plugin</artifactId>
 *   <version>0.1.0-SNAPSHOT</version>
 *   <executions>
 *     <execution>
 *       <goals><goal>check</goal></goals>
 *     </execution>
 *   </executions>
 * </plugin>
 * }</pre>
 *
 * Results older than this Maven run are left out when the run wrote results of its own, so a build without
 * {@code clean} does not merge an earlier build's tests.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
@API(status = EXPERIMENTAL, since = "0.1.0")
public class CheckMojo extends AbstractMojo {

    /** The module's report directory: where its test JVMs write their partial results and where its report goes. */
    @Parameter(property = "complianceharness.report.dir", defaultValue = "${project.build.directory}/compliance-report")
    private File reportDirectory;

    /** Where the report of the whole build goes, written by the last module of the reactor. */
    @Parameter(property = "complianceharness.report.aggregate.dir",
            defaultValue = "${session.topLevelProject.build.directory}/compliance-report")
    private File aggregateDirectory;

    /** Whether the last module of a multi-module build also merges and checks every module's results. */
    @Parameter(property = "complianceharness.check.aggregate", defaultValue = "true")
    private boolean aggregate;

    /** Whether a module with no results fails the build (by default it only says so). */
    @Parameter(property = "complianceharness.check.requireResults", defaultValue = "false")
    private boolean requireResults;

    /** Skips the check. */
    @Parameter(property = "complianceharness.check.skip", defaultValue = "false")
    private boolean skip;

    /** Surefire's switch: no tests ran, so there is nothing to check. */
    @Parameter(property = "skipTests", defaultValue = "false")
    private boolean skipTests;

    /** Maven's switch: tests were not even compiled. */
    @Parameter(property = "maven.test.skip", defaultValue = "false")
    private boolean skipTestCompilation;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    private MavenSession session;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    /** Created by Maven. */
    public CheckMojo() {
    }

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip || skipTests || skipTestCompilation) {
            getLog().info("Compliance gate skipped (" + (skip ? "complianceharness.check.skip" : "tests were skipped") + ")");
            return;
        }
        Optional<Instant> buildStart = Optional.ofNullable(session.getRequest().getStartTime()).map(date -> date.toInstant());
        List<String> failed = new ArrayList<>();
        try {
            Path moduleReport = reportDirectory.toPath();
            ComplianceGate.Verdict verdict = ComplianceGate.check(moduleReport, List.of(moduleReport), buildStart);
            if (verdict.launches() == 0 && verdict.passed()) {
                String message = "No compliance results in " + moduleReport + ": no test ran under the harness in "
                        + project.getArtifactId();
                if (requireResults) {
                    failed.add(message);
                } else {
                    getLog().warn(message);
                }
            } else {
                log(verdict);
                if (!verdict.passed()) {
                    failed.add(failure(project.getArtifactId(), verdict));
                }
            }
            if (aggregate && isLastModule()) {
                List<Path> modules = new ArrayList<>();
                for (MavenProject module : session.getProjects()) {
                    modules.add(Path.of(module.getBuild().getDirectory(), "compliance-report"));
                }
                ComplianceGate.Verdict build = ComplianceGate.check(aggregateDirectory.toPath(), modules, buildStart);
                getLog().info("Whole build (" + session.getProjects().size() + " modules):");
                log(build);
                if (!build.passed()) {
                    failed.add(failure("the build", build));
                }
            }
        } catch (IOException e) {
            throw new MojoExecutionException("Could not merge the compliance results: " + e.getMessage(), e);
        }
        if (!failed.isEmpty()) {
            throw new MojoFailureException(String.join("\n", failed));
        }
    }

    private boolean isLastModule() {
        List<MavenProject> projects = session.getProjects();
        return projects.size() > 1 && projects.get(projects.size() - 1).equals(project);
    }

    private void log(ComplianceGate.Verdict verdict) {
        for (String line : ComplianceGate.describe(verdict)) {
            if (line.startsWith("  failed:")) {
                getLog().error(line);
            } else if (line.startsWith("  warning:")) {
                getLog().warn(line);
            } else {
                getLog().info(line);
            }
        }
    }

    private static String failure(String where, ComplianceGate.Verdict verdict) {
        StringBuilder message = new StringBuilder("Compliance gate FAIL in ").append(where).append(':');
        verdict.failures().forEach(failure -> message.append("\n  - ").append(failure));
        return message.append("\nReport: ").append(verdict.index().toAbsolutePath()).toString();
    }
}
