using GlossaryLsp.Core.Parsing;

namespace GlossaryLsp.Core.Index;

/// <summary>
/// A snapshot's <see cref="TermUsage"/>, made on first use. Not on <see cref="DerivedTables"/>: those are
/// shared by snapshots that differ in prose, and usage depends on every document's text. A successor
/// snapshot with the same definitions gets a cell that derives its usage from this one's (if made by
/// then, else from what this one would derive from) plus the paths changed since, so an edit costs the
/// changed documents' scans; a cell with nothing to derive from builds the usage from every document.
/// </summary>
internal sealed class UsageCell
{
    /// <summary>Beyond this many changed documents a full build is about as cheap, and the base is let go.</summary>
    private const int MaxChanged = 64;

    private readonly HashSet<string> _changed;
    private readonly object _lock = new();
    private TermUsage? _value;
    /// <summary>A cell whose usage was made when this one was created; null once this one's is made.</summary>
    private UsageCell? _base;
    /// <summary>Stops the background build under way, if any (<see cref="TryPrepare"/>).</summary>
    private CancellationTokenSource? _background;

    private UsageCell(UsageCell? @base, HashSet<string> changed)
    {
        _base = @base;
        _changed = changed;
    }

    public bool IsBuilt => Volatile.Read(ref _value) is not null;

    public static UsageCell Empty() => new(null, []);

    /// <summary>The cell of a snapshot with the same definitions in which the document at <paramref name="changedPath"/> changed.</summary>
    public UsageCell Successor(string changedPath)
    {
        if (IsBuilt) return new UsageCell(this, [changedPath]);
        lock (_lock)
        {
            if (_value is not null) return new UsageCell(this, [changedPath]);
            if (_base is null || _changed.Count >= MaxChanged) return Empty();
            return new UsageCell(_base, [.. _changed, changedPath]);
        }
    }

    public TermUsage Get(GlossaryIndex index, Func<ParsedDocument, DocumentUses> usesOf)
    {
        if (Volatile.Read(ref _value) is { } made) return made;
        // A request does not wait for the slower background build: it stops it and builds in parallel.
        try { Volatile.Read(ref _background)?.Cancel(); }
        catch (ObjectDisposedException) { }
        lock (_lock)
        {
            if (_value is { } done) return done;
            var usage = _base?._value is { } earlier ? earlier.With(index, _changed, usesOf) : TermUsage.Build(index, usesOf);
            Volatile.Write(ref _value, usage);
            _base = null;
            return usage;
        }
    }

    /// <summary>
    /// Makes the usage ahead of its first use, one document after the other on the calling thread and
    /// without holding the lock a request takes; false when <paramref name="cancellation"/> or a request
    /// that needs the usage first (<see cref="Get"/>) stopped it, or another background build is under way.
    /// </summary>
    public bool TryPrepare(GlossaryIndex index, Func<ParsedDocument, DocumentUses> usesOf, CancellationToken cancellation)
    {
        if (IsBuilt) return true;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        if (Interlocked.CompareExchange(ref _background, stop, null) is not null) return false;
        try
        {
            UsageCell? @base;
            lock (_lock) @base = _base;
            var usage = @base?._value is { } earlier
                ? earlier.With(index, _changed, usesOf)
                : TermUsage.BuildSequentially(index, usesOf, stop.Token);
            lock (_lock)
            {
                if (_value is not null) return true;
                stop.Token.ThrowIfCancellationRequested();
                Volatile.Write(ref _value, usage);
                _base = null;
            }
            return true;
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            return IsBuilt;
        }
        finally
        {
            Volatile.Write(ref _background, null);
        }
    }
}
