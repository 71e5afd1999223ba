package dev.quillstream.platform.cache;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;

@Configuration(proxyBeanMethods = false)
class CacheConfiguration {

    @Bean
    SharedCache sharedCache(
            ObjectProvider<StringRedisTemplate> redis,
            @Value("${quillstream.redis-prefix:quillstream:}") String prefix,
            @Value("${quillstream.cache.max-entries:10000}") long maximumEntries) {
        StringRedisTemplate template = redis.getIfAvailable();
        return template == null ? new InProcessCache(maximumEntries) : new RedisCache(template, prefix + "cache:");
    }
}
