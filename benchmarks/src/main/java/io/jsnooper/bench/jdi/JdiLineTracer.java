package io.jsnooper.bench.jdi;

import com.sun.jdi.AbsentInformationException;
import com.sun.jdi.Bootstrap;
import com.sun.jdi.IncompatibleThreadStateException;
import com.sun.jdi.LocalVariable;
import com.sun.jdi.StackFrame;
import com.sun.jdi.ThreadReference;
import com.sun.jdi.Value;
import com.sun.jdi.VirtualMachine;
import com.sun.jdi.connect.Connector;
import com.sun.jdi.connect.LaunchingConnector;
import com.sun.jdi.event.Event;
import com.sun.jdi.event.EventSet;
import com.sun.jdi.event.MethodEntryEvent;
import com.sun.jdi.event.MethodExitEvent;
import com.sun.jdi.event.StepEvent;
import com.sun.jdi.event.VMDeathEvent;
import com.sun.jdi.event.VMDisconnectEvent;
import com.sun.jdi.request.EventRequest;
import com.sun.jdi.request.EventRequestManager;
import com.sun.jdi.request.MethodEntryRequest;
import com.sun.jdi.request.MethodExitRequest;
import com.sun.jdi.request.StepRequest;
import io.jsnooper.bench.Workload;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The debugger baseline of the issue: the same workload traced the way an IDE or a JDI-based tool
 * would, in a debuggee JVM launched through JDI, single-stepped line by line (STEP_LINE,
 * STEP_INTO, restricted to the workload class), reading every visible local at each step and
 * printing PySnooper-like lines for the line events and changed locals.
 *
 * <p>Usage: {@code java -cp benchmarks.jar io.jsnooper.bench.jdi.JdiLineTracer [n] [trace file]
 * [results file]}, from the repository root (for the source lines). Prints the cost per event
 * of the stepping phase only (JVM launch excluded).
 */
public final class JdiLineTracer {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss.SSSSSS");
    private static final String WORKLOAD = Workload.class.getName();

    private final PrintWriter out;
    private final List<String> source;
    private final Map<String, String> previous = new HashMap<>();
    private long stepEvents;
    private long variableEvents;
    private long started;
    private long finished;

    private JdiLineTracer(PrintWriter out, List<String> source) {
        this.out = out;
        this.source = source;
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        Path traceFile = Paths.get(args.length > 1 ? args[1] : "benchmarks/target/bench-trace/jdi.log");
        Path results = args.length > 2 ? Paths.get(args[2]) : null;
        Files.createDirectories(traceFile.toAbsolutePath().getParent());
        Path sourceFile = Paths.get("benchmarks/src/main/java/" + WORKLOAD.replace('.', '/') + ".java");
        List<String> source = Files.exists(sourceFile) ? Files.readAllLines(sourceFile) : Collections.emptyList();

        JdiLineTracer tracer;
        try (BufferedWriter writer = Files.newBufferedWriter(traceFile, StandardCharsets.UTF_8);
             PrintWriter out = new PrintWriter(writer)) {
            out.println("Source path:... " + sourceFile.toAbsolutePath());
            tracer = new JdiLineTracer(out, source);
            tracer.run(n);
        }
        long events = tracer.stepEvents + tracer.variableEvents;
        double nanos = tracer.finished - tracer.started;
        String report = String.format(java.util.Locale.ROOT,
                "jdi.n=%d%njdi.stepEvents=%d%njdi.variableEvents=%d%njdi.nsPerStep=%.0f%njdi.nsPerEvent=%.0f%n",
                n, tracer.stepEvents, tracer.variableEvents, nanos / tracer.stepEvents, nanos / events);
        System.out.print(report);
        System.out.println("JDI trace written to " + traceFile);
        if (results != null) {
            Files.createDirectories(results.toAbsolutePath().getParent());
            Files.writeString(results, report);
        }
    }

    private void run(int n) throws Exception {
        LaunchingConnector connector = Bootstrap.virtualMachineManager().defaultConnector();
        Map<String, Connector.Argument> arguments = connector.defaultArguments();
        arguments.get("main").setValue(JdiTarget.class.getName() + " " + n);
        arguments.get("options").setValue("-cp " + System.getProperty("java.class.path"));
        VirtualMachine vm = connector.launch(arguments);
        drain(vm.process().getInputStream());
        drain(vm.process().getErrorStream());

        EventRequestManager requests = vm.eventRequestManager();
        MethodEntryRequest entry = requests.createMethodEntryRequest();
        entry.addClassFilter(WORKLOAD);
        entry.setSuspendPolicy(EventRequest.SUSPEND_EVENT_THREAD);
        entry.enable();
        MethodExitRequest exit = requests.createMethodExitRequest();
        exit.addClassFilter(WORKLOAD);
        exit.setSuspendPolicy(EventRequest.SUSPEND_EVENT_THREAD);
        exit.enable();
        StepRequest step = null;

        vm.resume();
        boolean running = true;
        while (running) {
            EventSet events = vm.eventQueue().remove();
            for (Event event : events) {
                if (event instanceof VMDeathEvent || event instanceof VMDisconnectEvent) {
                    running = false;
                } else if (event instanceof MethodEntryEvent) {
                    MethodEntryEvent call = (MethodEntryEvent) event;
                    if (call.method().name().equals("work") && step == null) {
                        started = System.nanoTime();
                        changedLocals(call.thread());
                        int line = call.location().lineNumber();
                        out.println(clock() + " call      " + pad(line) + " " + sourceLine(line));
                        step = requests.createStepRequest(call.thread(), StepRequest.STEP_LINE, StepRequest.STEP_INTO);
                        step.addClassFilter(WORKLOAD);
                        step.setSuspendPolicy(EventRequest.SUSPEND_EVENT_THREAD);
                        step.enable();
                    }
                } else if (event instanceof StepEvent) {
                    StepEvent stepped = (StepEvent) event;
                    changedLocals(stepped.thread());
                    int line = stepped.location().lineNumber();
                    out.println(clock() + " line      " + pad(line) + " " + sourceLine(line));
                    stepEvents++;
                } else if (event instanceof MethodExitEvent) {
                    MethodExitEvent returned = (MethodExitEvent) event;
                    if (returned.method().name().equals("work") && step != null) {
                        int line = returned.location().lineNumber();
                        out.println(clock() + " return    " + pad(line) + " " + sourceLine(line));
                        out.println("Return value:.. " + returned.returnValue());
                        finished = System.nanoTime();
                        long micros = (finished - started) / 1_000;
                        long seconds = micros / 1_000_000;
                        out.printf("Elapsed time: %02d:%02d:%02d.%06d%n",
                                seconds / 3600, seconds / 60 % 60, seconds % 60, micros % 1_000_000);
                        requests.deleteEventRequest(step);
                        entry.disable();
                        exit.disable();
                    }
                }
            }
            events.resume();
        }
    }

    /** PySnooper's rule: a local is New the first time it has a value, Modified when its text changes. */
    private void changedLocals(ThreadReference thread) throws IncompatibleThreadStateException {
        StackFrame frame = thread.frame(0);
        List<LocalVariable> visible;
        try {
            visible = frame.visibleVariables();
        } catch (AbsentInformationException e) {
            throw new IllegalStateException("compile the workload with -g", e);
        }
        Map<LocalVariable, Value> values = frame.getValues(visible);
        for (LocalVariable variable : visible) {
            String text = String.valueOf(values.get(variable));
            String before = previous.put(variable.name(), text);
            if (before == null) {
                out.println((stepEvents == 0 && started != 0 && variable.isArgument() ? "Starting var:.. " : "New var:....... ")
                        + variable.name() + " = " + text);
                variableEvents++;
            } else if (!before.equals(text)) {
                out.println("Modified var:.. " + variable.name() + " = " + text);
                variableEvents++;
            }
        }
    }

    private String sourceLine(int line) {
        return line >= 1 && line <= source.size() ? source.get(line - 1) : "";
    }

    private static String clock() {
        return LocalTime.now().format(CLOCK);
    }

    private static String pad(int line) {
        String s = Integer.toString(line);
        return s.length() >= 4 ? s : "    ".substring(s.length()) + s;
    }

    private static void drain(InputStream in) {
        Thread t = new Thread(() -> {
            try {
                in.transferTo(java.io.OutputStream.nullOutputStream());
            } catch (IOException e) {
                // the debuggee has gone
            }
        }, "jdi-drain");
        t.setDaemon(true);
        t.start();
    }
}
