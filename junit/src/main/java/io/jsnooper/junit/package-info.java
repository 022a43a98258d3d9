/**
 * The JUnit Jupiter extension: {@link io.jsnooper.junit.SnoopExtension} loads the agent into the
 * test JVM, captures each test's trace on its thread through the agent's
 * {@code io.jsnooper.agent.trace.TestCapture}, and shows it only for the tests that fail. It sits
 * outside the agent's flow: it starts the agent like {@code jsnooper attach} would, and redirects
 * where the trace of one thread goes.
 */
package io.jsnooper.junit;
