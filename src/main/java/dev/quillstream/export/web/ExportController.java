package dev.quillstream.export.web;

import dev.quillstream.accounts.AccountId;
import dev.quillstream.export.BlobStore;
import dev.quillstream.export.DownloadLinks;
import dev.quillstream.export.ExportFormat;
import dev.quillstream.export.ExportedFile;
import dev.quillstream.export.Exports;
import dev.quillstream.platform.web.InvalidField;
import java.io.InputStream;
import java.net.URI;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Exports and their downloads: {@code POST /api/v1/export/{content_id}} renders (or reuses) a file
 * and answers a signed link; {@code GET /api/v1/contents/{id}/file} redirects to a fresh one; and
 * {@code GET /downloads/...} serves a file to whoever holds an unexpired, untampered link (no API
 * key: a link can be handed to a browser or another tool).
 */
@RestController
class ExportController {

    private final Exports exports;
    private final DownloadLinks links;
    private final BlobStore blobs;
    private final String publicUrl;

    ExportController(
            Exports exports,
            DownloadLinks links,
            BlobStore blobs,
            @Value("${quillstream.public-url:}") String publicUrl) {
        this.exports = exports;
        this.links = links;
        this.blobs = blobs;
        this.publicUrl = publicUrl.replaceAll("/+$", "");
    }

    record ExportRequest(@Nullable String format) {}

    record ExportResponse(
            String downloadUrl,
            String format,
            String fileName,
            String contentType,
            long bytes,
            Instant expiresAt,
            boolean reused) {}

    @PostMapping("/api/v1/export/{contentId}")
    ExportResponse export(AccountId account, @PathVariable UUID contentId, @RequestBody ExportRequest request) {
        ExportFormat format = format(request.format());
        ExportedFile file = exportOrNotFound(account, contentId, format);
        DownloadLinks.SignedLink link = links.sign(file.key(), file.fileName());
        return new ExportResponse(
                absolute(link.path()),
                format.id(),
                file.fileName(),
                file.contentType(),
                file.bytes(),
                link.expiresAt(),
                file.reused());
    }

    @GetMapping("/api/v1/contents/{contentId}/file")
    ResponseEntity<Void> file(
            AccountId account, @PathVariable UUID contentId, @RequestParam(defaultValue = "pdf") String format) {
        ExportedFile file = exportOrNotFound(account, contentId, format(format, "format"));
        DownloadLinks.SignedLink link = links.sign(file.key(), file.fileName());
        return ResponseEntity.status(HttpStatus.FOUND)
                .location(URI.create(absolute(link.path())))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .build();
    }

    @GetMapping("/downloads/{token}")
    ResponseEntity<InputStreamResource> download(
            @PathVariable String token,
            @RequestParam(defaultValue = "0") long expires,
            @RequestParam(defaultValue = "") String signature) {
        DownloadLinks.Download download = links.verify(token, expires, signature)
                .orElseThrow(() -> new ResponseStatusException(
                        HttpStatus.FORBIDDEN, "This download link is expired or invalid; ask for a new one."));
        BlobStore.BlobInfo info = blobs.stat(download.key())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "the file no longer exists"));
        InputStream content = blobs.open(download.key())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "the file no longer exists"));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(info.contentType()))
                .contentLength(info.size())
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(download.fileName())
                                .build()
                                .toString())
                .header(HttpHeaders.CACHE_CONTROL, "private, max-age=300")
                .header("X-Content-Type-Options", "nosniff")
                .body(new InputStreamResource(content));
    }

    private ExportedFile exportOrNotFound(AccountId account, UUID contentId, ExportFormat format) {
        return exports.export(account.value(), contentId, format)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no content " + contentId));
    }

    private static ExportFormat format(@Nullable String format) {
        if (format == null || format.isBlank()) {
            throw new InvalidField("format", "is required: one of " + ExportFormat.known());
        }
        return format(format, "format");
    }

    private static ExportFormat format(String format, String field) {
        return ExportFormat.parse(format)
                .orElseThrow(() -> new InvalidField(field, "must be one of " + ExportFormat.known()));
    }

    private String absolute(String path) {
        String base = publicUrl.isEmpty()
                ? ServletUriComponentsBuilder.fromCurrentContextPath().toUriString()
                : publicUrl;
        return base + path;
    }
}
