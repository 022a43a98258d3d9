package io.jsnooper.agent.trace;

import io.jsnooper.agent.config.SnoopSettings;
import io.jsnooper.agent.output.CustomRepr;
import io.jsnooper.agent.output.JsonLinesFormat;
import io.jsnooper.agent.output.Sinks;
import io.jsnooper.agent.output.TextFormat;
import io.jsnooper.agent.output.TraceFormat;
import io.jsnooper.agent.output.TraceSink;
import io.jsnooper.agent.output.ValueRenderer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Where and how one method's trace is written; built at its first call, then shared. */
final class MethodOutput {

    final TraceSink sink;
    final TraceFormat format;
    final ValueRenderer renderer;
    final boolean onFailure;
    /** Names whose values are hidden; null to show everything. */
    private final Pattern redact;

    private MethodOutput(TraceSink sink, TraceFormat format, ValueRenderer renderer, boolean onFailure, Pattern redact) {
        this.sink = sink;
        this.format = format;
        this.renderer = renderer;
        this.onFailure = onFailure;
        this.redact = redact;
    }

    static MethodOutput of(MethodInfo method) {
        SnoopSettings settings = method.settings;
        TraceSink sink = Sinks.forOutput(settings.output, settings.overwrite, settings.maxFileSize, settings.maxFiles,
                method.className, method.loader(), settings.level);
        List<CustomRepr> reprs = new ArrayList<>();
        for (String name : settings.customRepr) {
            CustomRepr repr = CustomRepr.load(name.replace('/', '.'), method.loader());
            if (repr != null) {
                reprs.add(repr);
            }
        }
        Pattern redact = settings.redact.isEmpty() ? null : Pattern.compile(settings.redact, Pattern.CASE_INSENSITIVE);
        ValueRenderer renderer = new ValueRenderer(settings.maxVariableLength, settings.normalize, reprs, redact);
        TraceFormat format = settings.format == SnoopSettings.Format.JSONL
                ? new JsonLinesFormat(settings) : new TextFormat(settings, sink);
        return new MethodOutput(sink, format, renderer, settings.onFailure, redact);
    }

    /** The redact pattern, or null: outputs with the same text hide the same names. */
    Pattern redact() {
        return redact;
    }

    /** Whether a variable, field path or watch expression called {@code name} must not be shown. */
    boolean isRedacted(String name) {
        return redact != null && redact.matcher(name).find();
    }
}
