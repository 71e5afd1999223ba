package dev.quillstream.testing;

import java.io.IOException;

/**
 * An OpenAI-compatible server on loopback, as vLLM or LM Studio would be: {@link
 * FakeProviderServer} speaking Chat Completions.
 */
public final class FakeOpenAiServer extends FakeProviderServer {

    public FakeOpenAiServer(String apiKey) throws IOException {
        super(Wire.OPENAI, apiKey);
    }

    /** Runs the server on its own, for trying the CLI by hand: prints the base URL. */
    public static void main(String[] args) throws Exception {
        FakeProviderServer.main(new String[] {"openai", args.length > 0 ? args[0] : "sk-test"});
    }
}
