package io.jsnooper.agent.instrument;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The variables of one method as the trace names them. One id per distinct name and type, so that
 * two loops that each declare {@code int i} report into the same variable, as PySnooper reports a
 * Python local: "New var" the first time, "Modified var" when a later value renders differently.
 */
final class VariableTable {

    private final Map<String, Integer> ids = new HashMap<>();
    private final List<String> names = new ArrayList<>();
    private final List<String> descriptors = new ArrayList<>();

    int idOf(String name, String descriptor) {
        return ids.computeIfAbsent(name + ' ' + descriptor, k -> {
            names.add(name);
            descriptors.add(descriptor);
            return names.size() - 1;
        });
    }

    String descriptor(int id) {
        return descriptors.get(id);
    }

    String[] names() {
        return names.toArray(new String[0]);
    }

    String[] descriptors() {
        return descriptors.toArray(new String[0]);
    }
}
