package dev.quillstream.seo;

import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * What a page about the post carries in its head: JSON-LD objects (BlogPosting, FAQPage,
 * BreadcrumbList) and meta tags by name or property (description, Open Graph, Twitter card).
 */
public record StructuredData(List<JsonNode> jsonLd, Map<String, String> metaTags) {

    public StructuredData {
        jsonLd = List.copyOf(jsonLd);
        metaTags = Map.copyOf(metaTags);
    }
}
