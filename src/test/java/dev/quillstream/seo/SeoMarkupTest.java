package dev.quillstream.seo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class SeoMarkupTest {

    private final StructuredData data =
            new SeoMarkup().markup(SeoDocuments.passing(), "https://example.com/blog/", "2026-11-25", null);

    @Test
    void blogPostingDescribesThePost() {
        JsonNode posting = ofType("BlogPosting");
        assertThat(posting.path("@context").asString()).isEqualTo("https://schema.org");
        assertThat(posting.path("headline").asString()).isEqualTo(SeoDocuments.TITLE);
        assertThat(posting.path("description").asString()).isEqualTo(SeoDocuments.DESCRIPTION);
        assertThat(posting.path("datePublished").asString()).isEqualTo("2026-11-25");
        assertThat(posting.path("url").asString()).isEqualTo("https://example.com/blog/password-manager-basics");
        assertThat(posting.path("mainEntityOfPage").path("@id").asString())
                .isEqualTo(posting.path("url").asString());
        assertThat(posting.path("keywords").asString()).isEqualTo("password manager, two-factor authentication");
    }

    @Test
    void faqPageHasEveryQuestionWithItsAnswer() {
        JsonNode faq = ofType("FAQPage");
        assertThat(faq.path("mainEntity")).hasSize(3);
        JsonNode first = faq.path("mainEntity").get(0);
        assertThat(first.path("@type").asString()).isEqualTo("Question");
        assertThat(first.path("name").asString()).isEqualTo("Is a password manager safe?");
        assertThat(first.path("acceptedAnswer").path("@type").asString()).isEqualTo("Answer");
        assertThat(first.path("acceptedAnswer").path("text").asString()).isEqualTo("Yes.");
    }

    @Test
    void breadcrumbsLeadFromTheBlogToThePost() {
        JsonNode items = ofType("BreadcrumbList").path("itemListElement");
        assertThat(items).hasSize(2);
        assertThat(items.get(0).path("position").asInt()).isEqualTo(1);
        assertThat(items.get(1).path("position").asInt()).isEqualTo(2);
        assertThat(items.get(1).path("item").asString()).endsWith("/password-manager-basics");
    }

    @Test
    void socialMetaTagsMirrorTitleAndDescription() {
        assertThat(data.metaTags())
                .containsEntry("og:title", SeoDocuments.TITLE)
                .containsEntry("og:description", SeoDocuments.DESCRIPTION)
                .containsEntry("og:type", "article")
                .containsEntry("twitter:card", "summary")
                .containsEntry("description", SeoDocuments.DESCRIPTION);
    }

    @Test
    void everyObjectSurvivesASerialisationRoundTrip() {
        JsonMapper json = JsonMapper.builder().build();
        List<JsonNode> reread = data.jsonLd().stream()
                .map(n -> json.readTree(json.writeValueAsString(n)))
                .toList();
        assertThat(reread).isEqualTo(data.jsonLd());
    }

    private JsonNode ofType(String type) {
        return data.jsonLd().stream()
                .filter(n -> n.path("@type").asString().equals(type))
                .findFirst()
                .orElseThrow();
    }
}
