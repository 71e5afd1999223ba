package dev.quillstream.generation.grounding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** No URL survives in a post unless a source returned it. */
class UrlGuardTest {

    private final UrlGuard guard = new UrlGuard(Set.of("https://kubernetes.io/docs/hpa/", "https://keda.sh/"));

    @Test
    void keepsSourceUrlsInAnyForm() {
        String text =
                "See [the HPA docs](https://kubernetes.io/docs/hpa) and <https://keda.sh/> or https://www.keda.sh.";
        assertThat(guard.strip(text)).isEqualTo(text);
    }

    @Test
    void linksToOtherUrlsKeepTheirTextOnly() {
        assertThat(guard.strip("Read [this guide](https://invented.example.org/guide \"Guide\") first."))
                .isEqualTo("Read this guide first.");
        assertThat(guard.strip("Read <a href=\"https://invented.io/x\">the guide</a> first."))
                .isEqualTo("Read the guide first.");
    }

    @Test
    void otherBareUrlsAutolinksAndImagesAreRemoved() {
        assertThat(guard.strip("More at https://invented.io/page. Or www.made-up.com/x, too."))
                .isEqualTo("More at. Or, too.");
        assertThat(guard.strip("Docs: <https://invented.io/a> end")).isEqualTo("Docs: end");
        assertThat(guard.strip("Chart ![chart](https://cdn.invented.io/c.png) here"))
                .isEqualTo("Chart here");
        assertThat(guard.strip("The tool (https://invented.io) helps.")).isEqualTo("The tool helps.");
    }

    @Test
    void inCodeOnlyPlaceholderAddressesSurvive() {
        String code =
                "```sh\ncurl http://localhost:8080/metrics\ncurl https://api.example.com/v1\ncurl https://real-vendor.io/api\n```";
        assertThat(guard.strip(code))
                .isEqualTo(
                        "```sh\ncurl http://localhost:8080/metrics\ncurl https://api.example.com/v1\ncurl <URL>\n```");
        assertThat(guard.strip("Run `wget https://real-vendor.io/x.sh` now")).isEqualTo("Run `wget <URL>` now");
    }

    @Test
    void textWithoutUrlsIsUnchanged() {
        String text = "Node.js and ASP.NET  both scale (horizontally).\nLine two ! Ça va ?";
        assertThat(guard.strip(text)).isEqualTo(text);
    }
}
