package dev.quillstream.research.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MainTextTest {

    private static final String PAGE = """
            <!doctype html><html><head><title>HPA explained | Example Blog</title>
            <meta property="og:title" content="HPA explained">
            <script>var tracking = "do not read me";</script><style>p{color:red}</style></head>
            <body>
              <header><nav><a href="/">Home</a> <a href="/blog">Blog</a></nav></header>
              <div class="cookie-banner">We use cookies. <button>Accept</button></div>
              <aside class="sidebar"><h3>Popular</h3><a href="/x">Other post</a></aside>
              <article>
                <h1>How the Horizontal Pod Autoscaler works</h1>
                <p>The HPA controller checks metrics every 15 seconds and computes the desired replica count.</p>
                <p>It divides the current metric value by the target and multiplies by the current replicas.<br>
                   The result is rounded up.</p>
                <ul><li>CPU utilisation</li><li>Custom metrics</li></ul>
                <div class="share-buttons"><a href="https://twitter.example/share">Share</a></div>
              </article>
              <footer>© Example Blog · <a href="/privacy">Privacy</a></footer>
            </body></html>""";

    @Test
    void keepsTheArticleAndDropsEverythingAroundIt() {
        MainText.Page page = MainText.extract(PAGE, "https://blog.example/hpa");
        assertThat(page.title()).isEqualTo("HPA explained");
        assertThat(page.text())
                .startsWith("How the Horizontal Pod Autoscaler works")
                .contains("every 15 seconds and computes the desired replica count.")
                .contains("multiplies by the current replicas.\nThe result is rounded up.")
                .contains("CPU utilisation\n\nCustom metrics")
                .doesNotContain("tracking", "cookies", "Popular", "Home", "Privacy", "Share", "color:red");
    }

    @Test
    void withoutAnArticleTheDensestBlockOfParagraphsWins() {
        String html = "<html><body><div id=menu><a href=/a>A</a><a href=/b>B</a></div>"
                + "<div class=wrap><div class=post>"
                + "<p>" + "KEDA scales on events. ".repeat(10) + "</p>"
                + "<p>" + "It can scale to zero. ".repeat(10) + "</p>"
                + "</div></div><div class=links><a href=/c>" + "link text ".repeat(5) + "</a></div></body></html>";
        MainText.Page page = MainText.extract(html, "https://x.example/");
        assertThat(page.text()).startsWith("KEDA scales on events.").contains("It can scale to zero.");
        assertThat(page.text()).doesNotContain("link text");
        assertThat(page.title()).isEmpty();
    }
}
