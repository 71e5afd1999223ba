package dev.quillstream.cli;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;

/**
 * The CLI's Spring context: the model and the pipelines, without the web server and without a
 * database (the CLI writes files; a server already running on the embedded database owns it).
 */
@SpringBootConfiguration
@EnableAutoConfiguration(
        excludeName = {
            "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
            "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration"
        })
@ComponentScan(
        basePackages = {
            "dev.quillstream.llm",
            "dev.quillstream.generation.blog",
            "dev.quillstream.generation.book",
            "dev.quillstream.export",
            // the response cache: in-process for one run, shared across runs when REDIS_URL is set
            "dev.quillstream.platform.cache",
            "dev.quillstream.platform.redis"
        },
        excludeFilters =
                @ComponentScan.Filter(
                        type = FilterType.REGEX,
                        pattern = {
                            ".*\\.web\\..*",
                            // stored exports and download links need the database and the data folder
                            "dev\\.quillstream\\.export\\.Exports",
                            "dev\\.quillstream\\.export\\.ExportConfiguration",
                            "dev\\.quillstream\\.export\\.blob\\..*"
                        }))
class CliContext {

    static ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(CliContext.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .profiles("cli")
                .run();
    }
}
