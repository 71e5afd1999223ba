package dev.quillstream.platform.redis;

import io.lettuce.core.RedisURI;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.RedisPassword;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Redis exists only when {@code REDIS_URL} says so: then caches, rate limits and cross-node events
 * use it; without it (embedded mode) each of those has an in-process implementation. Spring Boot's
 * own Redis auto-configuration is off, so an unconfigured Redis is never probed. The {@link
 * RedisURI} and Lettuce's {@link ClientResources} (its I/O threads) are beans too, so a module that
 * needs Lettuce itself (the event log's batched appends) connects to the same server on the same
 * threads instead of starting more.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!'${quillstream.redis-url:}'.isBlank()")
class RedisConfiguration {

    @Bean
    RedisURI redisUri(@Value("${quillstream.redis-url}") String url) {
        return RedisURI.create(url);
    }

    @Bean(destroyMethod = "shutdown")
    ClientResources redisClientResources() {
        return DefaultClientResources.create();
    }

    @Bean
    LettuceConnectionFactory redisConnectionFactory(RedisURI uri, ClientResources resources) {
        RedisStandaloneConfiguration configuration = new RedisStandaloneConfiguration(uri.getHost(), uri.getPort());
        configuration.setDatabase(uri.getDatabase());
        if (uri.getUsername() != null) {
            configuration.setUsername(uri.getUsername());
        }
        if (uri.getPassword() != null && uri.getPassword().length > 0) {
            configuration.setPassword(RedisPassword.of(uri.getPassword()));
        }
        LettuceClientConfiguration.LettuceClientConfigurationBuilder client =
                LettuceClientConfiguration.builder().clientResources(resources);
        if (uri.isSsl()) {
            client.useSsl(); // rediss://
        }
        return new LettuceConnectionFactory(configuration, client.build());
    }

    @Bean
    StringRedisTemplate stringRedisTemplate(RedisConnectionFactory connections) {
        return new StringRedisTemplate(connections);
    }
}
