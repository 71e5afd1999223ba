package dev.quillstream.platform.redis;

import io.lettuce.core.RedisURI;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.RedisPassword;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Redis exists only when {@code REDIS_URL} says so: then caches, rate limits and cross-node events
 * use it; without it (embedded mode) each of those has an in-process implementation. Spring Boot's
 * own Redis auto-configuration is off, so an unconfigured Redis is never probed.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!'${quillstream.redis-url:}'.isBlank()")
class RedisConfiguration {

    @Bean
    LettuceConnectionFactory redisConnectionFactory(@Value("${quillstream.redis-url}") String url) {
        RedisURI uri = RedisURI.create(url);
        RedisStandaloneConfiguration configuration = new RedisStandaloneConfiguration(uri.getHost(), uri.getPort());
        configuration.setDatabase(uri.getDatabase());
        if (uri.getUsername() != null) {
            configuration.setUsername(uri.getUsername());
        }
        if (uri.getPassword() != null && uri.getPassword().length > 0) {
            configuration.setPassword(RedisPassword.of(uri.getPassword()));
        }
        return new LettuceConnectionFactory(configuration);
    }

    @Bean
    StringRedisTemplate stringRedisTemplate(RedisConnectionFactory connections) {
        return new StringRedisTemplate(connections);
    }
}
