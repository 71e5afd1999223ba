package dev.quillstream.platform.outbound;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class OutboundConfiguration {

    @Bean
    AddressPolicy addressPolicy(@Value("${quillstream.outbound-allowed-hosts:}") String allowed) {
        return new AddressPolicy(allowed);
    }

    @Bean(destroyMethod = "close")
    SafeHttpClient safeHttpClient(AddressPolicy policy) {
        return new SafeHttpClient(policy);
    }
}
