package io.jsnooper.agent.cli;

import com.sun.tools.attach.AgentInitializationException;
import com.sun.tools.attach.AgentLoadException;
import com.sun.tools.attach.AttachNotSupportedException;
import com.sun.tools.attach.VirtualMachine;
import com.sun.tools.attach.VirtualMachineDescriptor;
import io.jsnooper.agent.config.AgentOptions;
import io.jsnooper.agent.config.SnoopSettings;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Talks to other JVMs through the JDK attach API: finds the target, loads this jar into it as an
 * agent with a command, and prints the answer the agent writes to a report file. Options are
 * validated here first, and again in the target.
 */
final class AttachClient {

    private AttachClient() {
    }

    static int list(PrintStream out, PrintStream err) {
        String self = Long.toString(ProcessHandle.current().pid());
        out.printf("%-8s %-8s %s%n", "PID", "JAVA", "MAIN CLASS OR JAR");
        for (VirtualMachineDescriptor d : VirtualMachine.list()) {
            if (d.id().equals(self)) {
                continue;
            }
            out.printf("%-8s %-8s %s%n", d.id(), javaVersion(d), shorten(d.displayName()));
        }
        return 0;
    }

    static int attach(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            throw new JSnooperCli.UsageException("attach needs a target: a pid or part of a main class name");
        }
        String target = args[0];
        Map<String, List<String>> options = parseOptions(args, 1);
        if (!options.containsKey(AgentOptions.INCLUDE)) {
            throw new JSnooperCli.UsageException("attach needs at least one --include PATTERN"
                    + " (e.g. --include 'com.acme.OrderService#place')");
        }
        StringBuilder arguments = new StringBuilder("command=attach");
        for (Map.Entry<String, List<String>> e : options.entrySet()) {
            arguments.append(',').append(e.getKey()).append('=').append(String.join(";", e.getValue()));
        }
        return send(target, arguments.toString(), out, err);
    }

    static int command(String command, String[] args, PrintStream out, PrintStream err) {
        if (args.length != 1) {
            throw new JSnooperCli.UsageException(command + " takes exactly one target: a pid or part of a main class name");
        }
        return send(args[0], "command=" + command, out, err);
    }

    /** {@code --key value}, {@code --key=value}, and a bare {@code --flag} for true. */
    private static Map<String, List<String>> parseOptions(String[] args, int from) {
        Map<String, List<String>> options = new LinkedHashMap<>();
        for (int i = from; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--") || arg.length() == 2) {
                throw new JSnooperCli.UsageException("expected an option like --include, not '" + arg + "'");
            }
            String key = arg.substring(2);
            String value;
            int eq = key.indexOf('=');
            if (eq >= 0) {
                value = key.substring(eq + 1);
                key = key.substring(0, eq);
            } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                value = args[++i];
            } else {
                value = "true";
            }
            if (key.equals(AgentOptions.COMMAND) || key.equals(AgentOptions.REPORT)
                    || (!SnoopSettings.ELEMENTS.contains(key) && !key.equals(AgentOptions.INCLUDE)
                    && !key.equals(AgentOptions.EXCLUDE) && !key.equals(AgentOptions.SOURCEPATH))) {
                throw new JSnooperCli.UsageException("unknown option --" + key + "; valid: --include, --exclude,"
                        + " --sourcepath, --" + String.join(", --", SnoopSettings.ELEMENTS));
            }
            if ((key.equals(SnoopSettings.OUTPUT) && !value.equals("stderr")) || key.equals(AgentOptions.SOURCEPATH)) {
                value = Paths.get(value).toAbsolutePath().normalize().toString(); // the target's cwd differs
            }
            options.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
        }
        StringBuilder check = new StringBuilder();
        options.forEach((k, v) -> check.append(check.length() == 0 ? "" : ",").append(k).append('=')
                .append(String.join(";", v)));
        try {
            AgentOptions.parse(check.toString());
        } catch (IllegalArgumentException e) {
            throw new JSnooperCli.UsageException(e.getMessage().replaceFirst("agent option '([^']+)'", "--$1"));
        }
        return options;
    }

    private static int send(String target, String arguments, PrintStream out, PrintStream err) {
        VirtualMachineDescriptor descriptor = resolve(target, err);
        if (descriptor == null) {
            return 1;
        }
        Path report = null;
        VirtualMachine vm = null;
        try {
            report = Files.createTempFile("jsnooper-report", ".txt");
            Files.delete(report); // the agent creates it: its absence means the agent didn't answer
            vm = VirtualMachine.attach(descriptor);
            vm.loadAgent(agentJar(), arguments + "," + AgentOptions.REPORT + "=" + report);
            if (!Files.exists(report)) {
                err.println("jsnooper: the agent in " + descriptor.id() + " did not answer;"
                        + " its stderr may say why (is it tracing disabled with JSNOOPER_DISABLED?)");
                return 1;
            }
            List<String> lines = Files.readAllLines(report, StandardCharsets.UTF_8);
            boolean ok = !lines.isEmpty() && lines.get(0).equals("ok");
            PrintStream stream = ok ? out : err;
            for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
                stream.println(line);
            }
            return ok ? 0 : 1;
        } catch (AttachNotSupportedException | IOException e) {
            err.println("jsnooper: cannot attach to " + descriptor.id() + ": " + e.getMessage()
                    + "\n  Attach works only as the same user as the target JVM, from a JDK (not a JRE),"
                    + " and not into a JVM started with -XX:+DisableAttachMechanism.");
            return 1;
        } catch (AgentLoadException | AgentInitializationException e) {
            err.println("jsnooper: " + descriptor.id() + " refused the agent: " + e.getMessage()
                    + "\n  A Java 21+ JVM started with -XX:-EnableDynamicAgentLoading refuses agents;"
                    + " restart it with -XX:+EnableDynamicAgentLoading, or start it with -javaagent.");
            return 1;
        } finally {
            if (vm != null) {
                try {
                    vm.detach();
                } catch (IOException ignored) {
                    // the connection is gone either way
                }
            }
            if (report != null) {
                try {
                    Files.deleteIfExists(report);
                } catch (IOException ignored) {
                    // a temporary file: the OS cleans it eventually
                }
            }
        }
    }

    private static VirtualMachineDescriptor resolve(String target, PrintStream err) {
        String self = Long.toString(ProcessHandle.current().pid());
        List<VirtualMachineDescriptor> matches = new ArrayList<>();
        for (VirtualMachineDescriptor d : VirtualMachine.list()) {
            if (d.id().equals(self)) {
                continue;
            }
            if (d.id().equals(target)) {
                return d;
            }
            if (!target.chars().allMatch(Character::isDigit) && d.displayName().contains(target)) {
                matches.add(d);
            }
        }
        if (matches.size() == 1) {
            return matches.get(0);
        }
        if (matches.isEmpty()) {
            err.println("jsnooper: no JVM " + (target.chars().allMatch(Character::isDigit) ? "with pid " : "named ")
                    + target + " that this user can attach to; `java -jar jsnooper-agent.jar list` shows them");
        } else {
            err.println("jsnooper: '" + target + "' names " + matches.size() + " JVMs; give a pid:");
            for (VirtualMachineDescriptor d : matches) {
                err.println("  " + d.id() + " " + shorten(d.displayName()));
            }
        }
        return null;
    }

    private static String javaVersion(VirtualMachineDescriptor descriptor) {
        try {
            VirtualMachine vm = VirtualMachine.attach(descriptor);
            try {
                return vm.getSystemProperties().getProperty("java.specification.version", "?");
            } finally {
                vm.detach();
            }
        } catch (Exception | Error e) {
            return "?";
        }
    }

    private static String agentJar() {
        try {
            return new File(AttachClient.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getPath();
        } catch (Exception e) {
            throw new IllegalStateException("cannot find the agent jar", e);
        }
    }

    private static String shorten(String displayName) {
        return displayName.length() > 100 ? displayName.substring(0, 97) + "..." : displayName;
    }
}
