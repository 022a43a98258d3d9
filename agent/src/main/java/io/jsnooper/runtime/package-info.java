/**
 * Runtime events: the tiny, JDK-types-only API that rewritten code calls.
 *
 * <p>Flow: matcher → rewrite → <b>runtime events</b> → call state → text → sink.
 */
package io.jsnooper.runtime;
