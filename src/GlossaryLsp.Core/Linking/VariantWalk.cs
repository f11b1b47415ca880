using GlossaryLsp.Core.Index;
using GlossaryLsp.Core.Text;
using Script = GlossaryLsp.Core.Text.VariantFold.Script;

namespace GlossaryLsp.Core.Linking;

/// <summary>
/// Finds the keys of a trie of entry-word keys whose <see cref="VariantFold"/> equals a stretch of a
/// folded text: a walk of the mention trie itself that follows the fold on the trie's side (ー, removable
/// separator runs and the ヴ syllables as steps that read no text), so variants need no trie of their own.
/// Keys that start with a char the fold removes are not found. One instance per scan; not thread-safe.
/// </summary>
internal sealed class VariantWalk
{
    private const byte NoRun = 0, RemovedRun = 1, LiteralRun = 2;
    /// <summary><see cref="FastStep"/>: more than one way on, or one only the general walk follows.</summary>
    private const int Ambiguous = -2;

    private State[] _states = new State[8];
    private State[] _next = new State[8];
    private int _count, _nextCount;

    /// <summary>
    /// Adds (t, key) to <paramref name="matches"/> for every key of <paramref name="trie"/> whose fold is
    /// <c>folded[start..t]</c> (inclusive), in increasing t.
    /// </summary>
    public void Walk(KeyTrie trie, ReadOnlySpan<char> folded, int start, List<(int End, string Key)> matches)
    {
        // The common case: one state and nothing open, with at most one way on at each char.
        int node = 0, t = start;
        var prev = Script.None;
        bool closed = false;
        for (; t < folded.Length; t++)
        {
            char c = folded[t];
            int next = VariantFold.IsSeparator(c) ? Ambiguous : FastStep(trie, node, prev, c);
            if (next == Ambiguous) break;
            if (next < 0) return;
            node = next;
            prev = VariantFold.Classify(c);
            if (!trie.HasFoldSensitiveChild(node))
            {
                if (trie.KeyAt(node) is { } plain) matches.Add((t, plain));
                continue;
            }
            int choon = trie.MayHaveChild(node, VariantFold.ProlongedSoundMark) ? trie.Step(node, VariantFold.ProlongedSoundMark) : -1;
            if ((choon >= 0 && HasRemovable(trie, choon)) || EndsAfterRemovedRun(trie, node, prev))
            {
                // A run of removed chars may end keys here: the general walk settles them, from the state after c.
                _count = 0;
                _states[_count++] = new State(node, prev, NoRun, false, false);
                Close(trie, t++, matches);
                closed = true;
                break;
            }
            if (trie.KeyAt(node) is { } key) matches.Add((t, key));
            if (choon >= 0 && trie.KeyAt(choon) is { } longer) matches.Add((t, longer));
        }
        if (t >= folded.Length) return;
        if (!closed)
        {
            // The general walk, from the state before folded[t].
            _count = 0;
            _states[_count++] = new State(node, prev, NoRun, false, false);
            if (node != 0)
                for (int i = 0; i < _count; i++) Closure(trie, i);
        }
        for (; t < folded.Length && _count > 0; t++)
        {
            _nextCount = 0;
            char c = folded[t];
            for (int i = 0; i < _count; i++) Consume(trie, _states[i], c);
            (_states, _next) = (_next, _states);
            _count = _nextCount;
            Close(trie, t, matches);
        }
    }

    private static bool Contains(List<(int End, string Key)> matches, int from, string key)
    {
        for (int i = from; i < matches.Count; i++)
            if (ReferenceEquals(matches[i].Key, key)) return true;
        return false;
    }

    /// <summary>
    /// The one node reached from <paramref name="node"/> by the key side producing <paramref name="c"/>, directly or
    /// over one removed ー or separator; -1 for none; <see cref="Ambiguous"/> when there are several ways or one
    /// needs what the general walk tracks (ヴ, runs of removed chars).
    /// </summary>
    private static int FastStep(KeyTrie trie, int node, Script prev, char c)
    {
        if (!trie.HasFoldSensitiveChild(node)) return trie.Step(node, c);
        int found = -1;
        if (!From(trie, node, c, ref found)) return Ambiguous;
        if (node == 0) return found;
        if (trie.MayHaveChild(node, VariantFold.ProlongedSoundMark) && trie.Step(node, VariantFold.ProlongedSoundMark) is var choon and >= 0
            && (HasRemovable(trie, choon) || !From(trie, choon, c, ref found))) return Ambiguous;
        var script = VariantFold.Classify(c);
        if (script != prev || script is not (Script.Katakana or Script.Latin)) return found;
        foreach (char sep in " ・")
        {
            if (sep == VariantFold.MiddleDot && script != Script.Katakana) break;
            if (trie.MayHaveChild(node, sep) && trie.Step(node, sep) is var run and >= 0 && (HasRemovable(trie, run) || !From(trie, run, c, ref found)))
                return Ambiguous;
        }
        return found;
    }

    /// <summary>Adds the node after <paramref name="c"/> (or its small vowel) from <paramref name="node"/>; false when that makes two ways, or ヴ may be involved.</summary>
    private static bool From(KeyTrie trie, int node, char c, ref int found)
    {
        if (c is 'バ' or 'ビ' or 'ブ' or 'ベ' or 'ボ' && trie.MayHaveChild(node, 'ヴ')) return false;
        if (!Take(trie.Step(node, c), ref found)) return false;
        return c is not ('ア' or 'イ' or 'ウ' or 'エ' or 'オ') || !trie.MayHaveChild(node, (char)(c - 1)) || Take(trie.Step(node, (char)(c - 1)), ref found);
    }

    private static bool Take(int next, ref int found)
    {
        if (next < 0) return true;
        if (found >= 0 && found != next) return false;
        found = next;
        return true;
    }

    /// <summary>True when a removable separator run below <paramref name="node"/> goes on with ー or more separators, which may end a key.</summary>
    private static bool EndsAfterRemovedRun(KeyTrie trie, int node, Script prev)
    {
        if (prev is not (Script.Katakana or Script.Latin)) return false;
        if (trie.MayHaveChild(node, ' ') && trie.Step(node, ' ') is var space and >= 0 && HasRemovable(trie, space)) return true;
        return prev == Script.Katakana && trie.MayHaveChild(node, VariantFold.MiddleDot) && trie.Step(node, VariantFold.MiddleDot) is var dot and >= 0 && HasRemovable(trie, dot);
    }

    /// <summary>True when a node has a child the fold may remove (ー or a separator): runs of them are the general walk's.</summary>
    private static bool HasRemovable(KeyTrie trie, int node) =>
        trie.MayHaveChild(node, ' ') || trie.MayHaveChild(node, VariantFold.MiddleDot) || trie.MayHaveChild(node, VariantFold.ProlongedSoundMark);

    /// <summary>Settles what the previous key chars left open, now that the next non-separator key char is <paramref name="raw"/>.</summary>
    private static bool Resolve(ref State s, char raw)
    {
        var script = VariantFold.Classify(raw);
        if (s.Run != NoRun)
        {
            bool removable = VariantFold.IsRemovableRun(s.Prev, script, s.SpacesOnly);
            if (s.Run == RemovedRun ? !removable : removable) return false;
        }
        if (s.AfterVu && VariantFold.VuSyllable(raw) != '\0') return false;
        s = new State(s.Node, script, NoRun, false, false);
        return true;
    }

    /// <summary>Completes the current states with the fold's removed chars and records the keys they end.</summary>
    private void Close(KeyTrie trie, int t, List<(int End, string Key)> matches)
    {
        for (int i = 0; i < _count; i++) Closure(trie, i);
        int before = matches.Count;
        while (before > 0 && matches[before - 1].End == t) before--;
        for (int i = 0; i < _count; i++)
        {
            var s = _states[i];
            if (s.Run != RemovedRun && trie.KeyAt(s.Node) is { } key && !Contains(matches, before, key)) matches.Add((t, key));
        }
    }

    /// <summary>Adds the states after the trie side produces the folded char <paramref name="c"/> from state <paramref name="s"/>.</summary>
    private void Consume(KeyTrie trie, State s, char c)
    {
        if (VariantFold.IsSeparator(c))
        {
            // A separator the fold keeps: the key's run must not be removable either.
            if (s.Run != RemovedRun && trie.Step(s.Node, c) is var n and >= 0)
                Add(s with { Node = n, Run = LiteralRun, SpacesOnly = (s.Run == NoRun || s.SpacesOnly) && c == ' ', AfterVu = false });
            return;
        }
        Advance(trie, s, c);
        switch (c)
        {
            case 'ア' or 'イ' or 'ウ' or 'エ' or 'オ':
                Advance(trie, s, (char)(c - 1));
                return;
            case 'バ' or 'ビ' or 'ブ' or 'ベ' or 'ボ':
                if (trie.Step(s.Node, 'ヴ') is not (var vu and >= 0) || !Resolve(ref s, 'ヴ')) return;
                char small = c switch { 'バ' => 'ァ', 'ビ' => 'ィ', 'ベ' => 'ェ', 'ボ' => 'ォ', _ => '\0' };
                if (small != '\0' && trie.Step(vu, small) is var syllable and >= 0) Add(s with { Node = syllable });
                else if (c == 'ブ') Add(s with { Node = vu, AfterVu = true });
                return;
        }
    }

    /// <summary>Steps over the key char <paramref name="raw"/> (not ヴ, which folds with what follows).</summary>
    private void Advance(KeyTrie trie, State s, char raw)
    {
        if (trie.Step(s.Node, raw) is var n and >= 0 && Resolve(ref s, raw)) Add(s with { Node = n });
    }

    /// <summary>Adds the states reached from state <paramref name="i"/> by key chars the fold removes (ー, separators between katakana or Latin).</summary>
    private void Closure(KeyTrie trie, int i)
    {
        var s = _states[i];
        if (trie.MayHaveChild(s.Node, VariantFold.ProlongedSoundMark) && trie.Step(s.Node, VariantFold.ProlongedSoundMark) is var n and >= 0)
        {
            var t = s;
            if (Resolve(ref t, VariantFold.ProlongedSoundMark)) AddCurrent(t with { Node = n });
        }
        if (s.Run == LiteralRun || s.Prev is not (Script.Katakana or Script.Latin)) return;
        foreach (char sep in " ・")
        {
            bool spacesOnly = (s.Run == NoRun || s.SpacesOnly) && sep == ' ';
            if ((s.Prev == Script.Katakana || spacesOnly) && trie.MayHaveChild(s.Node, sep) && trie.Step(s.Node, sep) is var m and >= 0)
                AddCurrent(s with { Node = m, Run = RemovedRun, SpacesOnly = spacesOnly, AfterVu = false });
        }
    }

    private void Add(State s)
    {
        for (int i = 0; i < _nextCount; i++)
            if (_next[i] == s) return;
        if (_nextCount == _next.Length) Array.Resize(ref _next, _nextCount * 2);
        _next[_nextCount++] = s;
    }

    /// <summary>Adds to the current states (the closure grows the list it walks).</summary>
    private void AddCurrent(State s)
    {
        for (int i = 0; i < _count; i++)
            if (_states[i] == s) return;
        if (_count == _states.Length) Array.Resize(ref _states, _count * 2);
        _states[_count++] = s;
    }

    /// <summary>
    /// A place in the trie with what the fold of the key so far leaves open: the script of the last
    /// non-separator key char, a separator run in progress (removed or kept, spaces only or not), and
    /// whether a ヴ was read as ブ (then no small ァィェォ may follow).
    /// </summary>
    private readonly record struct State(int Node, Script Prev, byte Run, bool SpacesOnly, bool AfterVu);
}
