package io.jsnooper.reliability;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * How each test of a launcher run ended, from the Open Test Reporting event file the JUnit Platform
 * writes as the run goes ({@code junit.platform.reporting.open.xml.enabled}). Unlike the legacy XML
 * report, written only at the end, it survives a run cut off by a timeout: every test that finished
 * has its result, the one that was running is {@link SuiteDiff.Outcome#UNFINISHED}. The file then
 * stops mid-document, so it is read as a stream, up to where it stops.
 */
final class EventLog {

    private EventLog() {
    }

    /** Test (its unique id) to how it ended, in the order the tests started. */
    static Map<String, SuiteDiff.Outcome> read(Path file) throws IOException {
        Map<String, String> testIds = new HashMap<>(); // event id -> unique id, tests only
        Map<String, SuiteDiff.Outcome> results = new LinkedHashMap<>();
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        if (!Files.exists(file)) {
            return results; // the run was stopped before its first test
        }
        try (InputStream in = Files.newInputStream(file)) {
            XMLStreamReader xml = factory.createXMLStreamReader(in);
            String eventId = null;
            String uniqueId = null;
            while (xml.hasNext()) {
                if (xml.next() != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                switch (xml.getLocalName()) {
                    case "started":
                        eventId = xml.getAttributeValue(null, "id");
                        uniqueId = null;
                        break;
                    case "uniqueId":
                        uniqueId = xml.getElementText();
                        break;
                    case "type":
                        if ("TEST".equals(xml.getElementText()) && eventId != null && uniqueId != null) {
                            testIds.put(eventId, uniqueId);
                            results.put(uniqueId, SuiteDiff.Outcome.UNFINISHED);
                        }
                        break;
                    case "finished":
                        eventId = xml.getAttributeValue(null, "id");
                        break;
                    case "result":
                        String test = testIds.get(eventId);
                        if (test != null) {
                            results.put(test, outcome(xml.getAttributeValue(null, "status")));
                        }
                        break;
                    default:
                        break;
                }
            }
        } catch (XMLStreamException cutOff) {
            // the run was stopped mid-write (or before writing anything): what was read stands
        }
        return results;
    }

    /** As the legacy XML report counts them: an aborted test (a failed assumption) is skipped. */
    private static SuiteDiff.Outcome outcome(String status) {
        switch (String.valueOf(status)) {
            case "SUCCESSFUL":
                return SuiteDiff.Outcome.PASSED;
            case "SKIPPED":
            case "ABORTED":
                return SuiteDiff.Outcome.SKIPPED;
            default:
                return SuiteDiff.Outcome.FAILED;
        }
    }
}
