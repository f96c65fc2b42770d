package be.fedauth.testkit.internal;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Starts the standalone server in a child JVM tuned for a fast start: {@code java -jar} cannot set JVM
 * options, and on a busy two-core machine the C2 compiler threads alone cost the fake about a second of
 * its start (measured: 3.0-3.3 s by default, 1.7-2.3 s with {@code -XX:TieredStopAtLevel=1}). The parent
 * only waits and forwards its exit; the child stops when the parent goes away, so no server is left behind.
 */
final class Relauncher {
    /** Set on the child's command line; also lets a user opt out with {@code -Dfedauth.testkit.relaunch=false}. */
    static final String PROPERTY = "fedauth.testkit.relaunch";
    private static final String PARENT_START = "fedauth.testkit.parentStart";

    private Relauncher() {
    }

    /** Whether this JVM should hand over to a tuned child (not already tuned, not the child, not opted out). */
    static boolean wanted() {
        if (System.getProperty(PROPERTY) != null) {
            return false;
        }
        return ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .noneMatch(a -> a.startsWith("-XX:TieredStopAtLevel"));
    }

    /** Runs the child with the same arguments and JVM options and returns its exit code, or empty if it cannot start. */
    static Optional<Integer> run(String[] args) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-D" + PROPERTY + "=child");
        command.add("-D" + PARENT_START + "=" + ManagementFactory.getRuntimeMXBean().getStartTime());
        try {
            command.add("-cp");
            command.add(Path.of(Standalone.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
        } catch (URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
        command.add(Standalone.class.getName());
        command.addAll(List.of(args));
        Process child;
        try {
            child = new ProcessBuilder(command).inheritIO().start();
        } catch (IOException e) {
            return Optional.empty();
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            child.destroy();
            try {
                if (!child.waitFor(10, TimeUnit.SECONDS)) {
                    child.destroyForcibly();
                }
            } catch (InterruptedException e) {
                child.destroyForcibly();
            }
        }, "fedauth-fake-child-stop"));
        while (true) {
            try {
                return Optional.of(child.waitFor());
            } catch (InterruptedException e) {
                child.destroy();
            }
        }
    }

    /** In the child: exit (running the shutdown hooks that stop the server) when the parent is gone. */
    static void exitWithParent() {
        if ("child".equals(System.getProperty(PROPERTY))) {
            ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> System.exit(0)));
        }
    }

    /** How long ago the user's JVM started (the parent's when relaunched). */
    static Duration sinceStart(Clock clock) {
        long start = Long.getLong(PARENT_START, ManagementFactory.getRuntimeMXBean().getStartTime());
        return Duration.between(Instant.ofEpochMilli(start), clock.instant());
    }
}
