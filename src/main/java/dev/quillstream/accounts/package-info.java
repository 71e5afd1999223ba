/** Who may call the API: accounts and their hashed API keys; quotas and rate limits build on these. */
@NullMarked
@ApplicationModule(displayName = "Accounts")
package dev.quillstream.accounts;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
