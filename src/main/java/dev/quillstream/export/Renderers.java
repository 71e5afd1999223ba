package dev.quillstream.export;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/** Every renderer by format, and every document source: what both the server and the command line export with. */
@Component
public class Renderers {

    private final Map<ExportFormat, Exporter> exporters = new EnumMap<>(ExportFormat.class);
    private final List<ExportDocumentSource> sources;

    Renderers(List<Exporter> exporters, List<ExportDocumentSource> sources) {
        exporters.forEach(exporter -> this.exporters.put(exporter.format(), exporter));
        this.sources = List.copyOf(sources);
    }

    public Exporter exporter(ExportFormat format) {
        Exporter exporter = exporters.get(format);
        if (exporter == null) {
            throw new IllegalStateException("no renderer for " + format.id());
        }
        return exporter;
    }

    public byte[] render(ExportDocument document, ExportFormat format) {
        return exporter(format).render(document);
    }

    /** A stored document (as the API returns it) as an export document, when a source understands it. */
    public Optional<ExportDocument> document(JsonNode stored) {
        return sources.stream()
                .filter(source -> source.supports(stored))
                .findFirst()
                .map(source -> source.toDocument(stored));
    }
}
