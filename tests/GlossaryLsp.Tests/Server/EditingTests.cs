using GlossaryLsp.Core.Linking;
using GlossaryLsp.Core.Parsing;
using GlossaryLsp.Server;
using Microsoft.Extensions.Time.Testing;

namespace GlossaryLsp.Tests.Server;

/// <summary>What the server does with the edits of an author typing: undo, and the background preparation of the requests typing makes.</summary>
public sealed class EditingTests
{
    [Fact]
    public async Task Undoing_an_edit_takes_back_the_parse_and_the_diagnostics_from_before_it()
    {
        await using var client = LspTestClient.Create(Fixtures.Workspace());
        await client.InitializeAsync();
        await client.OpenAsync("記事.md", Fixtures.Article);
        var original = await client.WaitForDiagnosticsAsync("記事.md");
        var target = Fixtures.RangeOf(Fixtures.Marked, Fixtures.BrokenTarget).Start;
        original.Select(d => (d.Code, d.Range.Start)).Should().Equal(("GL0002", target));
        var before = await IndexedAsync(client, "記事.md");

        // "x" typed before the broken link moves its diagnostic one character right; deleting it brings back the very parse of before.
        await client.ChangeAsync("記事.md", 2, LspTestClient.Insert(Fixtures.Marked, Fixtures.BrokenLine, "x"));
        (await client.WaitForDiagnosticsAsync("記事.md", p => p.Version == 2)).Select(d => (d.Code, d.Range.Start))
            .Should().Equal(("GL0002", target with { Character = target.Character + 1 }));
        (await IndexedAsync(client, "記事.md")).Should().NotBeSameAs(before);
        await client.ChangeAsync("記事.md", 3, LspTestClient.Edit(target.Line, 0, target.Line, "x".Length, ""));
        (await IndexedAsync(client, "記事.md")).Should().BeSameAs(before);
        (await client.WaitForDiagnosticsAsync("記事.md", p => p.Version == 3)).Should().BeEquivalentTo(original);

        // Typed at the start and deleted before anything looked: still the same parse.
        await client.ChangeAsync("記事.md", 4, LspTestClient.Edit(0, 0, 0, 0, "テスト"));
        await client.ChangeAsync("記事.md", 5, LspTestClient.Edit(0, 0, 0, "テスト".Length, ""));
        (await IndexedAsync(client, "記事.md")).Should().BeSameAs(before);
        (await client.WaitForDiagnosticsAsync("記事.md", p => p.Version == 5)).Should().BeEquivalentTo(original);

        // A text that differs from every recent one is parsed.
        await client.ChangeAsync("記事.md", 6, LspTestClient.Edit(0, 0, 0, 0, "\n"));
        var moved = await client.WaitForDiagnosticsAsync("記事.md", p => p.Version == 6);
        moved.Select(d => (d.Code, d.Range.Start)).Should().Equal(("GL0002", target with { Line = target.Line + 1 }));
    }

    private static async Task<ParsedDocument> IndexedAsync(LspTestClient client, string path)
    {
        // A read request takes a snapshot of everything sent before it.
        await client.RequestAsync("textDocument/documentSymbol", new { textDocument = new { uri = client.Uri(path) } });
        return client.Server.Queue.LastSnapshot.GetDocument(client.Uri(path))!.Document;
    }

    [Fact]
    public async Task Hover_and_completion_are_prepared_in_the_background_without_changing_what_anyone_sees()
    {
        await using var client = LspTestClient.Create(Fixtures.Workspace());
        await client.InitializeAsync();
        await client.OpenAsync("記事.md", Fixtures.Article);
        var diagnostics = await client.WaitForDiagnosticsAsync("記事.md");
        var before = await IndexedAsync(client, "用語集.md");

        using var cts = new CancellationTokenSource(LspTestClient.Patience);
        while (client.Server.WarmUp.Completed == 0) await Task.Delay(20, cts.Token);

        client.Stderr.Should().NotContain("failed");
        // The warm-up works on a private copy of a document: the workspace keeps its parse.
        (await IndexedAsync(client, "用語集.md")).Should().BeSameAs(before);
        await client.SettleAsync();
        client.LatestDiagnostics("記事.md")!.Diagnostics.Should().BeEquivalentTo(diagnostics);
        client.LatestDiagnostics("用語集.md")!.Diagnostics.Should().BeEmpty();
    }

    [Fact]
    public async Task The_compaction_and_the_mention_automaton_come_only_once_no_message_has_arrived_for_a_quiet_spell()
    {
        var clock = new FakeTimeProvider();
        // Notation variants (GL0013) ride on the mention automaton, so their diagnostics would build it: off here.
        var files = Fixtures.Workspace();
        files["glossary.yml"] = "rules:\n  notation-variant: off\n";
        await using var client = LspTestClient.Create(files, new ServerOptions { QuietBeforeBackgroundWork = TimeSpan.FromSeconds(2.5), Clock = clock });
        await client.InitializeAsync();
        await client.OpenAsync("記事.md", Fixtures.Article);
        await client.WaitForDiagnosticsAsync("記事.md");
        var index = client.Server.Queue.LastSnapshot.Folders[0].Index;

        // An author at work: a hover (on the heading, which needs no automaton) every 100 ms for 3 s.
        var title = Fixtures.ArticleTitle;
        var hover = new { textDocument = new { uri = client.Uri(title.Path) }, position = Fixtures.PositionOf(Fixtures.Marked, title.Path, title.Span.Start + 1) };
        for (var elapsed = 0; elapsed < 3000; elapsed += 100)
        {
            await client.RequestAsync("textDocument/hover", hover);
            clock.Advance(TimeSpan.FromMilliseconds(100));
        }
        await Task.Delay(200);
        MentionScanner.IsPrepared(index).Should().BeFalse("no quiet spell of 2.5 s has passed yet");
        client.Stderr.Should().NotContain("compacted the heap");
        client.Server.WarmUp.Completed.Should().Be(0);

        // Then a pause: it is built.
        clock.Advance(TimeSpan.FromSeconds(2.5));
        using var cts = new CancellationTokenSource(LspTestClient.Patience);
        while (client.Server.WarmUp.Completed == 0) await Task.Delay(20, cts.Token);
        MentionScanner.IsPrepared(index).Should().BeTrue();
        client.Stderr.Should().Contain("compacted the heap after loading").And.NotContain("failed");
    }
}

public sealed class LowPriorityTests
{
    [Fact]
    public async Task Background_work_runs_on_a_thread_of_the_lowest_priority()
    {
        int nice = -1;
        string? name = null;
        await GlossaryLsp.Server.Workspace.LowPriority.Run("glossary test", () => (nice, name) = (CurrentNice(), Thread.CurrentThread.Name));
        name.Should().Be("glossary test");
        if (OperatingSystem.IsLinux()) nice.Should().Be(19);
        CurrentNice().Should().Be(ProcessNice(), "only the worker's own thread is lowered");
        (await Task.Run(CurrentNice)).Should().Be(ProcessNice());
    }

    /// <summary>The calling thread's nice value (Linux; 0 elsewhere): field 19 of /proc/thread-self/stat, counted after the command name.</summary>
    private static int CurrentNice() => Nice("/proc/thread-self/stat");

    /// <summary>The nice value the test process was started at (the main thread's; CI may run the suite under <c>nice</c>).</summary>
    private static int ProcessNice() => Nice("/proc/self/stat");

    private static int Nice(string statFile)
    {
        if (!OperatingSystem.IsLinux()) return 0;
        var stat = File.ReadAllText(statFile);
        return int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[16]);
    }

    [Fact]
    public void Parallel_work_on_a_dedicated_scheduler_runs_on_its_own_threads_at_its_nice_value_never_on_the_caller_s()
    {
        var seen = new System.Collections.Concurrent.ConcurrentBag<(int Thread, int Nice, string? Name)>();
        using (var scheduler = GlossaryLsp.Server.Workspace.LowPriority.Scheduler("glossary parse test", 2, 10))
        {
            scheduler.MaximumConcurrencyLevel.Should().Be(2);
            Parallel.For(0, 200, new ParallelOptions { TaskScheduler = scheduler, MaxDegreeOfParallelism = 2 },
                _ => seen.Add((Environment.CurrentManagedThreadId, CurrentNice(), Thread.CurrentThread.Name)));
        }
        seen.Should().HaveCount(200);
        seen.Select(s => s.Thread).Should().NotContain(Environment.CurrentManagedThreadId);
        seen.Select(s => s.Thread).Distinct().Count().Should().BeLessThanOrEqualTo(2);
        seen.Select(s => s.Name).Should().OnlyContain(n => n == "glossary parse test");
        // A process started at a higher nice value cannot go below it without privileges.
        if (OperatingSystem.IsLinux()) seen.Select(s => s.Nice).Should().OnlyContain(n => n == Math.Max(10, ProcessNice()));
        CurrentNice().Should().Be(ProcessNice());
    }

    [Fact]
    public async Task A_failure_in_background_work_is_the_task_s()
    {
        var run = GlossaryLsp.Server.Workspace.LowPriority.Run("glossary test", () => throw new InvalidOperationException("broken"));
        (await run.Invoking(t => t).Should().ThrowAsync<InvalidOperationException>()).WithMessage("broken");
    }
}
