package dev.quillstream.testing;

import dev.quillstream.llm.ModelReply;
import dev.quillstream.llm.ModelRequest;
import dev.quillstream.llm.TextModel;
import dev.quillstream.llm.TokenListener;
import dev.quillstream.llm.TokenUsage;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A model whose answers a test writes: a function from request to text. Records every request, and
 * streams word by word like a provider.
 */
public final class ScriptedModel implements TextModel {

    private final Function<ModelRequest, String> answers;
    private final List<ModelRequest> requests = new CopyOnWriteArrayList<>();

    public ScriptedModel(Function<ModelRequest, String> answers) {
        this.answers = answers;
    }

    public List<ModelRequest> requests() {
        return List.copyOf(requests);
    }

    @Override
    public String provider() {
        return "scripted";
    }

    @Override
    public ModelReply complete(ModelRequest request) {
        requests.add(request);
        return new ModelReply(answers.apply(request), new TokenUsage(10, 5), "scripted", "script-1", false);
    }

    @Override
    public ModelReply stream(ModelRequest request, TokenListener listener) {
        ModelReply reply = complete(request);
        for (String word : reply.text().split("(?<=\\s)")) {
            listener.onDelta(word);
        }
        return reply;
    }
}
