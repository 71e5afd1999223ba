package dev.quillstream.export.blob;

import dev.quillstream.export.BlobStore;
import java.net.URI;
import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.S3Configuration;

/**
 * The filesystem store unless {@code S3_BUCKET} is set; then S3 with the AWS default credential
 * chain (environment, profile, instance role), {@code S3_ENDPOINT} for S3-compatible stores
 * (MinIO, Ceph, R2...) and {@code S3_PATH_STYLE} for those that need path-style addressing.
 */
@Configuration(proxyBeanMethods = false)
class BlobStoreConfiguration {

    @Bean
    BlobStore blobStore(
            @Value("${quillstream.blobs.dir:${quillstream.data-dir:./data}/exports}") String dir,
            @Value("${quillstream.blobs.s3.bucket:}") String bucket,
            @Value("${quillstream.blobs.s3.endpoint:}") String endpoint,
            @Value("${quillstream.blobs.s3.region:us-east-1}") String region,
            @Value("${quillstream.blobs.s3.path-style:false}") boolean pathStyle,
            @Value("${quillstream.blobs.s3.prefix:exports/}") String prefix) {
        if (bucket.isBlank()) {
            return new FileSystemBlobStore(Path.of(dir));
        }
        S3ClientBuilder builder = S3Client.builder()
                .region(Region.of(region))
                .serviceConfiguration(S3Configuration.builder()
                        .pathStyleAccessEnabled(pathStyle || !endpoint.isBlank())
                        .build());
        if (!endpoint.isBlank()) {
            builder.endpointOverride(URI.create(endpoint));
        }
        return new S3BlobStore(builder.build(), bucket, prefix);
    }
}
