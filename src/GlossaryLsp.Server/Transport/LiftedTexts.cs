// The texts of didOpens, taken out of their messages by the input filter (InboundMessageFilter). The
// filter reads every message token by token anyway; StreamJsonRpc then parsed each message into a
// JsonDocument and read the params from it again, so a didOpen's whole text was tokenised three times
// and decoded once more (for 1,000 files of 70 KB: about 0.4 s of CPU and 140 MB of garbage while the
// workspace loads). The filter now decodes the text once, keeps it here and forwards the message with
// a short placeholder in its place; the didOpen handler takes the text back on arrival, before the
// message is queued. Messages keep their order: the placeholder travels in the message itself.
using System.Collections.Concurrent;

namespace GlossaryLsp.Server.Transport;

internal sealed class LiftedTexts
{
    /// <summary>Unguessable per process, so that no text a client sends can pass for a placeholder.</summary>
    private readonly string _prefix = $"glossary-lifted-text:{Guid.NewGuid():N}:";
    private readonly ConcurrentQueue<(long Id, string Text)> _texts = new();
    private long _next;

    /// <summary>Texts lifted and not taken back yet (tests read it).</summary>
    public int Count => _texts.Count;

    /// <summary>Keeps the text and returns the placeholder to forward instead (the filter's thread only).</summary>
    public string Lift(string text)
    {
        long id = ++_next;
        _texts.Enqueue((id, text));
        return _prefix + id.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// The text a placeholder stands for, or the argument itself when it is no placeholder. Called in
    /// message order: texts lifted from earlier messages that never got here (StreamJsonRpc dropped a
    /// didOpen with invalid params) are let go.
    /// </summary>
    public string Take(string text)
    {
        if (!text.StartsWith(_prefix, StringComparison.Ordinal)
            || !long.TryParse(text.AsSpan(_prefix.Length), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out long id))
            return text;
        while (_texts.TryPeek(out var head) && head.Id < id) _texts.TryDequeue(out _);
        return _texts.TryPeek(out var found) && found.Id == id && _texts.TryDequeue(out _) ? found.Text : text;
    }
}
