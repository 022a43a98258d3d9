package io.jsnooper.agent.cli;

import java.io.PrintStream;
import java.util.Arrays;

/**
 * {@code java -jar jsnooper-agent.jar list | attach | status | detach}: the agent jar is also the
 * command line. This class only checks that the JDK can attach, then hands over to
 * {@link AttachClient}, which is the only class that touches {@code com.sun.tools.attach}.
 */
public final class JSnooperCli {

    static final String USAGE = String.join("\n",
            "usage: java -jar jsnooper-agent.jar COMMAND [ARGS]",
            "  list                               the JVMs you can attach to",
            "  attach TARGET --include PATTERN [--include PATTERN ...] [--exclude PATTERN]",
            "                [--output FILE] [--depth N] [--watch EXPR] [--OPTION VALUE ...]",
            "                                     snoop methods of a running JVM",
            "  status TARGET                      what is snooped there, and where the trace goes",
            "  detach TARGET                      restore every changed class to its original code",
            "TARGET is a pid, or a part of the main class or jar name that only one JVM has.",
            "PATTERN: pkg.Class#method, pkg.Class#method(java.lang.String,int), pkg.Class, pkg.* or pkg..*",
            "OPTION: any @Snoop element (threadInfo, prefix, normalize, maxVariableLength, ...).");

    private JSnooperCli() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || args[0].equals("help") || args[0].equals("--help") || args[0].equals("-h")) {
            out.println(USAGE);
            return args.length == 0 ? 2 : 0;
        }
        if (ModuleLayer.boot().findModule("jdk.attach").isEmpty()) {
            err.println("jsnooper: this Java (" + System.getProperty("java.home") + ") has no attach support"
                    + " (module jdk.attach): run the command with a JDK, not a JRE");
            return 1;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        try {
            switch (args[0]) {
                case "list":
                    return AttachClient.list(out, err);
                case "attach":
                    return AttachClient.attach(rest, out, err);
                case "status":
                    return AttachClient.command("status", rest, out, err);
                case "detach":
                    return AttachClient.command("detach", rest, out, err);
                default:
                    err.println("jsnooper: unknown command '" + args[0] + "'\n" + USAGE);
                    return 2;
            }
        } catch (UsageException e) {
            err.println("jsnooper: " + e.getMessage());
            return 2;
        }
    }

    /** A mistake on the command line: the message is for the user. */
    static final class UsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }
}
