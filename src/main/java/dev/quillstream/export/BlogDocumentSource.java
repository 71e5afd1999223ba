package dev.quillstream.export;

import dev.quillstream.content.BlogPost;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Stored blog posts (they have {@code sections}) as documents. */
@Component
class BlogDocumentSource implements ExportDocumentSource {

    private final JsonMapper json;

    BlogDocumentSource(JsonMapper json) {
        this.json = json;
    }

    @Override
    public boolean supports(JsonNode stored) {
        return stored.has("sections") && !stored.has("chapters");
    }

    @Override
    public ExportDocument toDocument(JsonNode stored) {
        return ExportDocument.fromBlog(json.treeToValue(stored, BlogPost.class));
    }
}
