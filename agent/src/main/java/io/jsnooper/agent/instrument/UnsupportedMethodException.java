package io.jsnooper.agent.instrument;

/** A method the rewriter leaves as it is; the message says why, for the one-line warning. */
final class UnsupportedMethodException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    UnsupportedMethodException(String reason) {
        super(reason, null, false, false);
    }
}
