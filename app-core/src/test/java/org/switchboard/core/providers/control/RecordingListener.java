package org.switchboard.core.providers.control;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.switchboard.core.providers.entity.ProviderFailure;
import org.switchboard.core.providers.entity.Usage;

/** Records a generation's callbacks, in order, as short strings. */
class RecordingListener implements GenerationListener {
    final List<String> calls = new CopyOnWriteArrayList<>();

    @Override
    public void onDelta(String text) {
        calls.add("delta:" + text);
    }

    @Override
    public void onUsage(Usage usage) {
        calls.add("usage:" + usage.inputTokens() + "/" + usage.outputTokens());
    }

    @Override
    public void onComplete() {
        calls.add("complete");
    }

    @Override
    public void onError(ProviderFailure failure) {
        calls.add("error:" + failure.type());
    }
}
