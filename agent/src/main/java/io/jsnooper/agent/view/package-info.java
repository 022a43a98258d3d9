/**
 * {@code java -jar jsnooper-agent.jar view TRACE}: reads a trace file back, after the fact. Off the
 * tracing path entirely: a parser per format turns lines into {@link io.jsnooper.agent.view.TraceEntry
 * entries} grouped into {@link io.jsnooper.agent.view.TracedCall calls}, a {@link
 * io.jsnooper.agent.view.CallFilter filter} picks the calls asked for, and the {@link
 * io.jsnooper.agent.view.TraceRenderer renderer} prints them whole in PySnooper's text format.
 */
package io.jsnooper.agent.view;
