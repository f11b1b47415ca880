namespace GlossaryLsp.Server;

/// <summary>When the server's background work starts; tests shorten or stretch these spells.</summary>
internal sealed record ServerOptions
{
    public static ServerOptions Default { get; } = new();

    /// <summary>How long no message must have arrived before background work that would slow the answers starts (<see cref="Workspace.RequestWarmUp"/>).</summary>
    public TimeSpan QuietBeforeBackgroundWork { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The clock of the quiet spells (tests advance a fake one).</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>The quiet spell a scheduled diagnostics pass waits for (null: <see cref="Diagnostics.DiagnosticsService.Debounce"/>).</summary>
    public Func<CancellationToken, Task>? DiagnosticsQuiet { get; init; }
}
