package dev.quillstream.export;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SafeHtmlTest {

    @Test
    void modelMarkupNeverSurvivesAsActiveHtml() {
        String html = SafeHtml.fromMarkdown(ExportDocuments.HOSTILE_MARKDOWN, 2).toLowerCase();
        assertThat(html)
                .doesNotContain("<script", "onerror", "onclick", "javascript:", "<iframe", "style=", "<img")
                .contains("<strong>bold</strong>", "<em>italic</em>", "<li>", "<pre><code>code block")
                .contains("href=\"#ref-1\"", "href=\"#ref-2\"");
    }

    @Test
    void onlyExistingReferencesBecomeLinks() {
        assertThat(SafeHtml.fromMarkdown("see [1] and [3]", 2))
                .contains("#ref-1")
                .doesNotContain("#ref-3");
    }

    @Test
    void keepsOrdinaryLinksWithNoopener() {
        String html = SafeHtml.fromMarkdown("[docs](https://kubernetes.io/docs/)");
        assertThat(html).contains("href=\"https://kubernetes.io/docs/\"").contains("noopener");
    }

    @Test
    void markdownKeepsItsFormattingButLosesRawHtmlAndScriptLinks() {
        String markdown = SafeMarkdown.clean(ExportDocuments.HOSTILE_MARKDOWN);
        assertThat(markdown.toLowerCase())
                .doesNotContain("<script", "onerror", "javascript:", "<iframe", "onclick")
                .contains("**bold**", "[1]", "code block");
    }

    @Test
    void xhtmlIsWellFormed() throws Exception {
        String xhtml = SafeHtml.toXhtml(SafeHtml.fromMarkdown("a<br>b\n\n---\n\nc & d"));
        javax.xml.parsers.DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(new java.io.ByteArrayInputStream(("<div>" + xhtml + "</div>").getBytes("UTF-8")));
    }
}
