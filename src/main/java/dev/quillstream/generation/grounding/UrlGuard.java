package dev.quillstream.generation.grounding;

import dev.quillstream.research.Urls;
import java.net.URI;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lets no URL into a post unless it came from a source. In prose, a Markdown link to any other URL
 * keeps its text and loses its target; an image, autolink, bare URL or {@code www.} address to
 * any other URL is removed. In code, only placeholder addresses that can point at nobody's site
 * ({@code localhost}, loopback, {@code example.com}, {@code *.test}, {@code *.example},
 * {@code *.invalid}, {@code *.localhost}) survive besides source URLs; anything else becomes
 * {@code <URL>}.
 */
public final class UrlGuard {

    private static final String URL_CHARS = "[^\\s<>()\\[\\]\"'`]";
    private static final Pattern IMAGE =
            Pattern.compile("!\\[([^\\]]*)]\\(\\s*<?([^)\\s>]+)>?(?:\\s+\"[^\"]*\")?\\s*\\)");
    private static final Pattern LINK =
            Pattern.compile("(?<!!)\\[([^\\]]*)]\\(\\s*<?([^)\\s>]+)>?(?:\\s+\"[^\"]*\")?\\s*\\)");
    private static final Pattern ANCHOR = Pattern.compile(
            "<a\\s[^>]*href\\s*=\\s*[\"']?([^\"'\\s>]+)[\"']?[^>]*>(.*?)</a>",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern AUTOLINK = Pattern.compile("<((?:https?|ftp)://[^>\\s]+)>", Pattern.CASE_INSENSITIVE);
    private static final Pattern PARENTHESIZED =
            Pattern.compile("[ \\t]*\\(\\s*((?:https?://|www\\.)" + URL_CHARS + "+)\\s*\\)", Pattern.CASE_INSENSITIVE);
    /** A URL with the spaces before it, which go with it when it is removed; trailing punctuation is not part of it. */
    private static final Pattern BARE = Pattern.compile(
            "[ \\t]*(?<![\\w@/])((?:https?://|ftp://|www\\.)" + URL_CHARS + "+?)(?=[.,;:!?]*(?:\\s|$|[)\\]<>\"'`]))",
            Pattern.CASE_INSENSITIVE);

    private final Predicate<String> allowed;

    /** @param sourceUrls the URLs of the post's sources; only these (normalised) may appear */
    public UrlGuard(Set<String> sourceUrls) {
        Set<String> keys = sourceUrls.stream().map(Urls::key).collect(java.util.stream.Collectors.toSet());
        this.allowed = url ->
                keys.contains(Urls.key(url.toLowerCase(Locale.ROOT).startsWith("www.") ? "https://" + url : url));
    }

    public String strip(String markdown) {
        return MarkdownSegments.map(markdown, this::prose, this::code);
    }

    private String prose(String text) {
        String out = replace(text, IMAGE, m -> allowed.test(m.group(2)) ? m.group() : "");
        out = replace(out, LINK, m -> allowed.test(m.group(2)) ? m.group() : m.group(1));
        out = replace(out, ANCHOR, m -> allowed.test(m.group(1)) ? m.group() : m.group(2));
        out = replace(out, AUTOLINK, m -> allowed.test(m.group(1)) ? m.group() : "");
        out = replace(out, PARENTHESIZED, m -> allowed.test(m.group(1)) ? m.group() : "");
        out = replaceOutsideLinks(out);
        return out.equals(text) ? text : out.replaceAll("(\\S)[ \\t]{2,}(\\S)", "$1 $2");
    }

    /** Bare URLs, except inside links and autolinks that were kept. */
    private String replaceOutsideLinks(String text) {
        StringBuilder out = new StringBuilder();
        Matcher kept = Pattern.compile(
                        LINK.pattern() + "|" + IMAGE.pattern() + "|" + AUTOLINK.pattern() + "|" + ANCHOR.pattern(),
                        Pattern.CASE_INSENSITIVE | Pattern.DOTALL)
                .matcher(text);
        int last = 0;
        while (kept.find()) {
            out.append(
                    replace(text.substring(last, kept.start()), BARE, m -> allowed.test(m.group(1)) ? m.group() : ""));
            out.append(kept.group());
            last = kept.end();
        }
        out.append(replace(text.substring(last), BARE, m -> allowed.test(m.group(1)) ? m.group() : ""));
        return out.toString();
    }

    private String code(String text) {
        return replace(
                text,
                BARE,
                m -> allowed.test(m.group(1)) || placeholder(m.group(1))
                        ? m.group()
                        : m.group().substring(0, m.start(1) - m.start()) + "<URL>");
    }

    /** Reserved names (RFC 2606, RFC 6761) and loopback: an example, not a claim about anyone's site. */
    static boolean placeholder(String url) {
        try {
            String host =
                    URI.create(url.startsWith("www.") ? "https://" + url : url).getHost();
            if (host == null) {
                return false;
            }
            host = host.toLowerCase(Locale.ROOT);
            return host.equals("localhost")
                    || host.startsWith("127.")
                    || host.equals("[::1]")
                    || host.matches("(.+\\.)?example\\.(com|org|net)")
                    || host.endsWith(".test")
                    || host.endsWith(".example")
                    || host.endsWith(".invalid")
                    || host.endsWith(".localhost");
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String replace(
            String text, Pattern pattern, java.util.function.Function<Matcher, String> replacement) {
        Matcher matcher = pattern.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement.apply(matcher)));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
