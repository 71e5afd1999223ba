package dev.quillstream;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationExcludeFilter;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.modulith.Modulithic;

/** The server: REST, WebSocket and job workers over every module. The CLI builds its own, smaller context. */
@SpringBootConfiguration
@Modulithic(systemName = "Quillstream", sharedModules = "platform")
@EnableAutoConfiguration
@ConfigurationPropertiesScan
@ComponentScan(
        excludeFilters = {
            @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class),
            @ComponentScan.Filter(type = FilterType.CUSTOM, classes = AutoConfigurationExcludeFilter.class),
            @ComponentScan.Filter(type = FilterType.REGEX, pattern = "dev\\.quillstream\\.cli\\..*")
        })
public class QuillstreamApplication {

    public static void main(String[] args) {
        Main.main(args);
    }
}
