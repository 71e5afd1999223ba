package dev.quillstream.testing;

import com.adobe.epubcheck.api.EpubCheck;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Runs the W3C's EPUBCheck on an EPUB. WireMock, which other tests in the same JVM start, pins the
 * JAXP {@code TransformerFactory} to the JDK's (a system property), and EPUBCheck's Schematron
 * needs Saxon's: Saxon's is named for the check and the previous value put back after it (as
 * {@code EpubCheckTest} does for its class).
 */
public final class Epubs {

    private static final String TRANSFORMER = "javax.xml.transform.TransformerFactory";

    private Epubs() {}

    /** @param result 0 when the EPUB is valid; {@code messages} what EPUBCheck said */
    public record Check(int result, String messages) {}

    public static synchronized Check check(Path epub) {
        String pinned = System.setProperty(TRANSFORMER, "net.sf.saxon.TransformerFactoryImpl");
        try {
            StringWriter messages = new StringWriter();
            int result = new EpubCheck(epub.toFile(), new PrintWriter(messages)).doValidate();
            return new Check(result, messages.toString());
        } finally {
            if (pinned == null) {
                System.clearProperty(TRANSFORMER);
            } else {
                System.setProperty(TRANSFORMER, pinned);
            }
        }
    }

    public static Check check(byte[] epub) throws IOException {
        Path file = Files.createTempFile("quillstream", ".epub");
        try {
            Files.write(file, epub);
            return check(file);
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
