package dev.quillstream.research.fetch;

import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * The main text of an HTML page, without navigation, headers, footers, sidebars, scripts, forms and
 * cookie banners: the page's {@code <article>} or {@code <main>} when it has one worth reading,
 * otherwise the element holding most paragraph text. Paragraph breaks survive, so passages can be
 * cut at them.
 */
public final class MainText {

    /** A page's title and readable text. */
    public record Page(String title, String text) {}

    private static final String NEVER_CONTENT = "script, style, noscript, template, iframe, object, embed, svg,"
            + " canvas, form, button, input, select, textarea, nav, header, footer, aside, dialog, menu,"
            + " [hidden], [aria-hidden=true], [role=navigation], [role=banner], [role=contentinfo],"
            + " [role=complementary], [role=dialog], [role=search]";
    private static final Pattern BOILERPLATE = Pattern.compile(
            "cookie|consent|gdpr|sidebar|comment|footer|masthead|navbar|\\bnav\\b|menu|share|social|related"
                    + "|newsletter|subscribe|advert|\\bads?\\b|sponsor|promo|breadcrumb|popup|modal|banner",
            Pattern.CASE_INSENSITIVE);
    private static final Set<String> BLOCKS = Set.of(
            "p",
            "div",
            "section",
            "article",
            "main",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "li",
            "ul",
            "ol",
            "pre",
            "blockquote",
            "table",
            "tr",
            "td",
            "th",
            "dd",
            "dt",
            "dl",
            "figcaption",
            "figure",
            "hr",
            "summary",
            "details");
    private static final int WORTH_READING = 200;

    private MainText() {}

    public static Page extract(String html, String baseUri) {
        Document document = Jsoup.parse(html, baseUri);
        String title = title(document);
        document.select(NEVER_CONTENT).remove();
        for (Element element : document.body().select("[class], [id]")) {
            String names = element.className() + " " + element.id();
            if (element.parent() != null
                    && BOILERPLATE.matcher(names).find()
                    && element.select("article, main").isEmpty()
                    && (element.text().length() < 500 || linkDensity(element) > 0.5)) {
                element.remove();
            }
        }
        return new Page(title, text(root(document)));
    }

    private static String title(Document document) {
        Element og = document.selectFirst("meta[property=og:title]");
        if (og != null && !og.attr("content").isBlank()) {
            return og.attr("content").strip();
        }
        if (!document.title().isBlank()) {
            return document.title().strip();
        }
        Element h1 = document.selectFirst("h1");
        return h1 == null ? "" : h1.text().strip();
    }

    private static Element root(Document document) {
        for (String candidate : new String[] {
            "article", "main", "[role=main]", "[itemprop=articleBody]", ".entry-content", ".post-content", "#content"
        }) {
            Element element = document.selectFirst(candidate);
            if (element != null && element.text().length() >= WORTH_READING) {
                return element;
            }
        }
        Element best = document.body();
        double bestScore = 0;
        java.util.Map<Element, Double> scores = new java.util.HashMap<>();
        for (Element paragraph : document.body().select("p, pre, li")) {
            double length = paragraph.text().length();
            Element parent = paragraph.parent();
            if (parent != null) {
                scores.merge(parent, length, Double::sum);
                if (parent.parent() != null) {
                    scores.merge(parent.parent(), length / 2, Double::sum);
                }
            }
        }
        for (var entry : scores.entrySet()) {
            double score = entry.getValue() * (1 - linkDensity(entry.getKey()));
            if (score > bestScore) {
                bestScore = score;
                best = entry.getKey();
            }
        }
        return bestScore >= WORTH_READING ? best : document.body();
    }

    private static double linkDensity(Element element) {
        int all = element.text().length();
        if (all == 0) {
            return 0;
        }
        int linked =
                element.select("a").stream().mapToInt(a -> a.text().length()).sum();
        return Math.min(1, (double) linked / all);
    }

    /** Text with a blank line between blocks and single spaces inside them. */
    static String text(Element root) {
        StringBuilder out = new StringBuilder();
        NodeTraversor.traverse(
                new NodeVisitor() {
                    @Override
                    public void head(Node node, int depth) {
                        if (node instanceof TextNode text) {
                            out.append(text.text());
                        } else if (node instanceof Element element) {
                            if (element.nameIs("br")) {
                                out.append('\n');
                            } else if (BLOCKS.contains(element.normalName())) {
                                out.append("\n\n");
                            }
                        }
                    }

                    @Override
                    public void tail(Node node, int depth) {
                        if (node instanceof Element element && BLOCKS.contains(element.normalName())) {
                            out.append("\n\n");
                        }
                    }
                },
                root);
        StringBuilder cleaned = new StringBuilder();
        for (String block : out.toString().split("\\n\\s*\\n")) {
            String paragraph = block.replaceAll("[ \\t\\u00A0]+", " ")
                    .replaceAll(" *\\n *", "\n")
                    .strip();
            if (!paragraph.isEmpty()) {
                if (!cleaned.isEmpty()) {
                    cleaned.append("\n\n");
                }
                cleaned.append(paragraph);
            }
        }
        return cleaned.toString();
    }
}
