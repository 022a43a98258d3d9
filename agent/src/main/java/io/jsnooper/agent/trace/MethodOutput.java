package io.jsnooper.agent.trace;

import io.jsnooper.agent.config.SnoopSettings;
import io.jsnooper.agent.output.CustomRepr;
import io.jsnooper.agent.output.Sinks;
import io.jsnooper.agent.output.TraceFormatter;
import io.jsnooper.agent.output.TraceSink;
import io.jsnooper.agent.output.ValueRenderer;
import java.util.ArrayList;
import java.util.List;

/** Where and how one method's trace is written; built at its first call, then shared. */
final class MethodOutput {

    final TraceSink sink;
    final TraceFormatter formatter;
    final ValueRenderer renderer;

    private MethodOutput(TraceSink sink, TraceFormatter formatter, ValueRenderer renderer) {
        this.sink = sink;
        this.formatter = formatter;
        this.renderer = renderer;
    }

    static MethodOutput of(MethodInfo method) {
        SnoopSettings settings = method.settings;
        TraceSink sink = Sinks.forOutput(settings.output, settings.overwrite);
        List<CustomRepr> reprs = new ArrayList<>();
        for (String name : settings.customRepr) {
            CustomRepr repr = CustomRepr.load(name.replace('/', '.'), method.loader());
            if (repr != null) {
                reprs.add(repr);
            }
        }
        ValueRenderer renderer = new ValueRenderer(settings.maxVariableLength, settings.normalize, reprs);
        return new MethodOutput(sink, new TraceFormatter(settings, sink), renderer);
    }
}
