package io.jsnooper.agent.output;

/**
 * Standard error, looked up at each write so a program (or a test) that redirects
 * {@code System.err} gets the trace where it expects it, as PySnooper writes to {@code sys.stderr}.
 */
final class StderrSink extends TraceSink {

    StderrSink(int id) {
        super(id, "stderr");
    }

    @Override
    public boolean isInteractive() {
        return true;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
        java.io.PrintStream err = System.err;
        err.write(bytes, offset, length); // PrintStream writes are synchronized: whole chunks
        err.flush();
    }
}
