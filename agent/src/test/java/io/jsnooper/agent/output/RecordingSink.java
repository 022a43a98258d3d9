package io.jsnooper.agent.output;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Keeps every write as one chunk, so a test can check what each write held. */
final class RecordingSink extends TraceSink {

    final List<String> writes = new ArrayList<>();
    private final ByteArrayOutputStream all = new ByteArrayOutputStream();

    RecordingSink() {
        super(99, "recording");
    }

    @Override
    public boolean isInteractive() {
        return false;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
        writes.add(new String(bytes, offset, length, StandardCharsets.UTF_8));
        all.write(bytes, offset, length);
    }

    String text() {
        return all.toString(StandardCharsets.UTF_8);
    }
}
