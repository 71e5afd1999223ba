package dev.quillstream.export;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Entities;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

/**
 * Model-written Markdown as HTML that is safe to put on a page: Markdown is rendered by commonmark
 * and the result goes through the OWASP Java HTML Sanitizer, so a {@code <script>}, an event
 * handler ({@code onerror=}), a {@code javascript:} link, a style or an iframe a model wrote never
 * reaches an export or a published post. What survives: paragraphs, headings, lists, quotes, code,
 * tables, emphasis and http(s)/mailto links (marked {@code rel="nofollow noopener"}). Images are
 * dropped: a document must not make its reader (or the PDF renderer) fetch a URL a model chose.
 */
public final class SafeHtml {

    private static final List<org.commonmark.Extension> EXTENSIONS = List.of(TablesExtension.create());
    private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
    private static final HtmlRenderer RENDERER =
            HtmlRenderer.builder().extensions(EXTENSIONS).build();
    private static final Pattern CITATION = Pattern.compile("\\[(\\d{1,3})]");

    private static final PolicyFactory POLICY = Sanitizers.FORMATTING
            .and(Sanitizers.BLOCKS)
            .and(Sanitizers.LINKS)
            .and(Sanitizers.TABLES)
            .and(new HtmlPolicyBuilder()
                    .allowElements("pre", "code", "hr", "br", "sup", "sub", "dl", "dt", "dd")
                    .allowAttributes("class")
                    .matching(Pattern.compile("citation"))
                    .onElements("a", "sup")
                    .allowUrlProtocols("http", "https", "mailto")
                    .allowElements("a")
                    .allowAttributes("href")
                    .onElements("a")
                    .requireRelsOnLinks("noopener")
                    .toFactory());

    private SafeHtml() {}

    /** Sanitises HTML from anywhere untrusted. */
    public static String sanitize(String html) {
        return POLICY.sanitize(html);
    }

    /** Markdown rendered and sanitised. */
    public static String fromMarkdown(String markdown) {
        return sanitize(RENDERER.render(PARSER.parse(markdown)));
    }

    /**
     * Markdown rendered and sanitised, with every {@code [n]} whose reference exists turned into a
     * superscript link to {@code #ref-n} (the reference list's item).
     */
    public static String fromMarkdown(String markdown, int references) {
        String html = fromMarkdown(markdown);
        if (references == 0) {
            return html;
        }
        Matcher matcher = CITATION.matcher(html);
        StringBuilder linked = new StringBuilder();
        while (matcher.find()) {
            int number = Integer.parseInt(matcher.group(1));
            String replacement = number >= 1 && number <= references
                    ? "<sup class=\"citation\"><a class=\"citation\" href=\"#ref-" + number + "\">[" + number
                            + "]</a></sup>"
                    : matcher.group();
            matcher.appendReplacement(linked, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(linked);
        return linked.toString();
    }

    /**
     * A title or description as plain text: tags removed, not escaped. For places where the text
     * is later treated as markup by someone else (front matter a theme prints unescaped, a
     * WordPress title, which WordPress renders as HTML).
     */
    public static String plainText(String text) {
        if (text.indexOf('<') < 0 && text.indexOf('&') < 0) {
            return text;
        }
        return Jsoup.parseBodyFragment(text).text();
    }

    /** Sanitised HTML as well-formed XHTML (for EPUB and the PDF renderer, which parse XML). */
    public static String toXhtml(String html) {
        Document fragment = Jsoup.parseBodyFragment(html);
        fragment.outputSettings()
                .syntax(Document.OutputSettings.Syntax.xml)
                .escapeMode(Entities.EscapeMode.xhtml)
                .prettyPrint(false);
        return fragment.body().html();
    }
}
