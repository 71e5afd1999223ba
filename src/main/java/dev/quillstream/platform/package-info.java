/**
 * What every module shares: configuration, the database connection (embedded PostgreSQL by
 * default), RFC 9457 problem responses.
 */
@NullMarked
@ApplicationModule(displayName = "Platform", type = ApplicationModule.Type.OPEN)
package dev.quillstream.platform;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
