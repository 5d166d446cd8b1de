package dev.complianceharness.report.internal;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Gives every launcher session its own {@link ComplianceRun}, kept in the session's store (closed with the session),
 * and registers the listener that writes the session's report. Registered for {@link java.util.ServiceLoader}, so that
 * every launcher (Maven Surefire, Gradle, IDEs, the Console Launcher) picks it up with no configuration. Checks the
 * JUnit version first: on a JUnit older than the harness needs, it fails the session with one clear message.
 */
public final class ComplianceSessionListener implements LauncherSessionListener {

    /** Created by {@link java.util.ServiceLoader}. */
    public ComplianceSessionListener() {
    }

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        JUnitVersion.requireSupported();
        ComplianceRun run = new ComplianceRun();
        session.getStore().put(ComplianceRun.NAMESPACE, ComplianceRun.KEY, run);
        session.getLauncher().registerTestExecutionListeners(new ComplianceReportListener(run));
    }
}
